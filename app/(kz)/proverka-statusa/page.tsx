import type { Metadata } from 'next';
import { StatusCheckForm } from './status-check-form';

export const metadata: Metadata = { title: 'Проверка статуса в системе ОСМС' };

/**
 * The public status check by ИИН (issue 14): insured or not, the ground or why not with what to do, until
 * when, and whether a contribution came for each of the 12 previous months — never amounts, payers, names
 * or anything else about the person (those are the cabinet's, after eGov sign-in).
 */
export default function StatusCheckPage() {
  return (
    <>
      <h1>Проверка статуса в системе ОСМС</h1>
      <p className="lead">
        Узнайте по ИИН, застрахован ли человек в системе обязательного социального медицинского страхования и
        поступали ли за него взносы в последние 12 месяцев.
      </p>
      <p>
        Проверка не показывает суммы взносов, плательщиков и другие сведения о человеке. Их можно посмотреть в{' '}
        <a href="/kabinet">личном кабинете</a> после входа через eGov.
      </p>
      <StatusCheckForm />
    </>
  );
}
