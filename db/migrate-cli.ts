/** `npm run db:migrate`: migrate the database named by DATABASE_URL, or the embedded one under .data/. */
import { withDatabase } from './runtime';

await withDatabase(async ({ url }) => {
  console.log(`Migrated ${new URL(url).pathname.slice(1)} and loaded the reference directories.`);
});
