/**
 * `npm run staff:create`: creates a staff account from the shell — the first administrator of a new
 * register, or any account before the console is reachable. The password is read from stdin
 * (`--password-stdin`, one line) or generated and printed once, to stdout alone (so it can be piped into
 * a secret store); everything else goes to stderr. The creation is written to the staff audit trail as
 * done by the operating-system user.
 */
import { createInterface } from 'node:readline';
import { getDb } from '@/db/client';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import { readableRandom } from '@/lib/auth/recovery-codes';
import { createStaffAccount, staffRoleName } from '@/lib/auth/staff-accounts';
import { operatorName, runAgainstRegister } from './cli-database';
import { parseStaffCreateArgs, STAFF_CREATE_USAGE } from './staff-create-args';

const parsed = parseStaffCreateArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n\n${STAFF_CREATE_USAGE}`);
  process.exit(2);
}
if (parsed.args.command === 'help') {
  console.log(STAFF_CREATE_USAGE);
  process.exit(0);
}
const args = parsed.args;

async function passwordFromStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line.replace(/\r$/, '');
  }
  return '';
}

const password = args.passwordFromStdin ? await passwordFromStdin() : readableRandom(4, 4);

await runAgainstRegister('staff:create', async () => {
  await getDb().transaction(async (tx) => {
    const id = await createStaffAccount({ ...args, password }, tx);
    await recordStaffAction(tx, {
      staffId: null,
      login: operatorName('staff-create'),
      organisation: null,
      action: 'account_created',
      targetKind: 'staff_account',
      targetId: String(id),
      details: {
        login: args.login,
        role: args.role,
        subjectCode: args.subjectCode,
        insurerCode: args.insurerCode,
        moCode: args.moCode,
      },
    });
  });
  console.error(`Учётная запись ${args.login} создана: ${staffRoleName(args.role)}.`);
  if (!args.passwordFromStdin) {
    console.error('Пароль (показывается один раз):');
    console.log(password);
  }
  if (args.role === 'ffoms_admin') {
    console.error('При первом входе на /vhod администратор подключит второй фактор (приложение с кодами).');
  }
});
