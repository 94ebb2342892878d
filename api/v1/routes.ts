import { AppError } from '@/lib/errors';
import { sendProblem, type RouteModule } from '../http';
import { getLookup } from './lookup';

export const restApi: RouteModule = {
  prefix: '/api/v1',
  routes: [{ method: 'GET', path: '/api/v1/lookup', handler: getLookup }],
  notFound: ({ res, url }, why) => {
    const error =
      why === 'method'
        ? new AppError('METHOD_NOT_ALLOWED')
        : new AppError('NOT_FOUND', { message: 'Такого адреса в API нет.' });
    sendProblem(res, error, url.pathname);
    return Promise.resolve();
  },
};
