import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import honestTests from './honest-tests.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const { rules } = honestTests;

tester.run('no-wait-for-timeout', rules['no-wait-for-timeout']!, {
  valid: [
    "test('a', async ({ page }) => { await page.waitForResponse((r) => r.ok()); });",
    "test('a', async ({ page }) => { await expect(page.getByText('x')).toBeVisible(); });",
  ],
  invalid: [
    {
      code: "test('a', async ({ page }) => { await page.waitForTimeout(700); });",
      errors: [{ messageId: 'wait' }],
    },
    { code: 'async function settle(p) { await p.waitForTimeout(10); }', errors: [{ messageId: 'wait' }] },
  ],
});

tester.run('no-early-return', rules['no-early-return']!, {
  valid: [
    // Returns inside helpers and callbacks of a test are not the test's own.
    "test('a', async () => { const f = () => { return 1; }; expect(f()).toBe(1); });",
    "it('a', () => { [1].map((x) => { return x; }); expect(1).toBe(1); });",
    // A describe block or hook is not a test body.
    "test.describe('d', () => { return; });",
    'test.beforeEach(async () => { if (x) return; y(); });',
    // A last statement that returns ends nothing early.
    "it('a', () => { expect(1).toBe(1); return; });",
  ],
  invalid: [
    {
      code: "test('a', async ({ page }) => { if (await page.isVisible('h1')) { return; } expect(1).toBe(1); });",
      errors: [{ messageId: 'early' }],
    },
    {
      code: "it('a', () => { return; expect(1).toBe(1); });",
      errors: [{ messageId: 'early' }],
    },
    {
      code: "test.describe('d', () => { test('a', async () => { if (x) return; await y(); }); });",
      errors: [{ messageId: 'early' }],
    },
  ],
});

tester.run('no-skip', rules['no-skip']!, {
  valid: [
    "test('a', async () => { expect(1).toBe(1); });",
    "describe('a', () => { it('b', () => {}); });",
    // A file on the allow-list, with its reason.
    {
      code: "test.skip(!process.env.X, 'needs X');",
      filename: `${process.cwd()}/e2e/allowed.spec.ts`,
      options: [{ allow: [{ file: 'e2e/allowed.spec.ts', reason: 'runs only where X is configured' }] }],
    },
  ],
  invalid: [
    { code: "test.skip('a', async () => {});", errors: [{ messageId: 'skip' }] },
    { code: "test.skip(before === 0, 'nothing to mark');", errors: [{ messageId: 'skip' }] },
    { code: "it.skipIf(process.env.CI)('a', () => {});", errors: [{ messageId: 'skip' }] },
    { code: "describe.skip('a', () => {});", errors: [{ messageId: 'skip' }] },
    { code: "test.describe.skip('a', () => {});", errors: [{ messageId: 'skip' }] },
    { code: "test.fixme('a', async () => {});", errors: [{ messageId: 'skip' }] },
    { code: "it.todo('a');", errors: [{ messageId: 'skip' }] },
    {
      // Another file than the one allowed.
      code: "test.skip('a', async () => {});",
      filename: `${process.cwd()}/e2e/other.spec.ts`,
      options: [{ allow: [{ file: 'e2e/allowed.spec.ts', reason: 'runs only where X is configured' }] }],
      errors: [{ messageId: 'skip' }],
    },
  ],
});
