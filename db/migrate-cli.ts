/** `npm run db:migrate`: migrate the database named by DATABASE_URL, or the embedded one under .data/. */
import { withDatabase } from './runtime';

const { url } = await withDatabase((db) => Promise.resolve(db));
console.log(`Migrated ${new URL(url).pathname.slice(1)} and loaded the reference directories.`);
