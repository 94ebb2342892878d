// @ts-check
/**
 * ESLint rules that keep tests honest (see e2e/README.md): a test that can only pass is worse than none.
 *
 * - `no-wait-for-timeout`: no `waitForTimeout` — wait for the event (a request, a response, a text).
 * - `no-early-return`: no `return` in a test body before its end — set up the state the test needs instead.
 * - `no-skip`: no skipped tests (`test.skip`, `it.skipIf`, `describe.skip`, `test.fixme`, `it.todo`, …)
 *   outside the allow-list given as the rule's option: `{ allow: [{ file, reason }] }`, where `file` is the
 *   path from the project's root and `reason` says why (required, non-empty).
 */

const TEST_FUNCTIONS = new Set(['test', 'it']);
const SKIPS = new Set(['skip', 'skipIf', 'runIf', 'fixme', 'todo']);
/** `test.x(...)` members whose callback is not a test body. */
const NOT_BODIES = new Set([
  'describe',
  'beforeEach',
  'afterEach',
  'beforeAll',
  'afterAll',
  'step',
  'use',
  'extend',
]);

/** @param {import('estree').Node} node @returns {string[]} the callee as a dotted path, e.g. ['test','describe','skip'] */
function calleePath(node) {
  if (node.type === 'Identifier') return [node.name];
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier')
    return [...calleePath(node.object), node.property.name];
  if (node.type === 'CallExpression') return calleePath(node.callee); // it.skipIf(cond)('name', fn)
  return [];
}

/** @param {any} fn a function node @returns {boolean} whether it is the body of `test(...)` / `it(...)` */
function isTestBody(fn) {
  const call = fn.parent;
  if (!call || call.type !== 'CallExpression' || !call.arguments.includes(fn)) return false;
  const path = calleePath(call.callee);
  if (!TEST_FUNCTIONS.has(path[0] ?? '')) return false;
  return !path.slice(1).some((p) => NOT_BODIES.has(p));
}

/** @type {import('eslint').Rule.RuleModule} */
const noWaitForTimeout = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow waitForTimeout: wait for an event instead' },
    schema: [],
    messages: { wait: 'No waitForTimeout: wait for the event itself (request, response, text, URL).' },
  },
  create(context) {
    return {
      /** @param {any} node */
      CallExpression(node) {
        const path = calleePath(node.callee);
        if (path.at(-1) === 'waitForTimeout') context.report({ node, messageId: 'wait' });
      },
    };
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noEarlyReturn = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow return statements before the end of a test body' },
    schema: [],
    messages: {
      early: 'No early return in a test: set up the state the test needs, and assert one outcome.',
    },
  },
  create(context) {
    return {
      /** @param {any} node */
      ReturnStatement(node) {
        let fn = node.parent;
        while (
          fn &&
          !['FunctionExpression', 'ArrowFunctionExpression', 'FunctionDeclaration'].includes(fn.type)
        )
          fn = fn.parent;
        if (!fn || !isTestBody(fn)) return;
        const body = fn.body;
        const last = body.type === 'BlockStatement' ? body.body.at(-1) : undefined;
        if (node.parent === body && node === last) return; // a final return ends nothing early
        context.report({ node, messageId: 'early' });
      },
    };
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noSkip = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow skipped tests outside an allow-list with reasons' },
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                file: { type: 'string', minLength: 1 },
                reason: { type: 'string', minLength: 10 },
              },
              required: ['file', 'reason'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      skip: 'No skipped tests ({{how}}): a skipped test proves nothing. Allowed only in files on the allow-list, with a reason.',
    },
  },
  create(context) {
    /** @type {{ allow?: { file: string; reason: string }[] }} */
    const options = context.options[0] ?? {};
    const file = context.filename.replace(/\\/g, '/');
    const root = context.cwd.replace(/\\/g, '/');
    const relative = file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
    if ((options.allow ?? []).some((a) => a.file === relative)) return {};
    return {
      /** @param {any} node */
      MemberExpression(node) {
        if (node.computed || node.property.type !== 'Identifier' || !SKIPS.has(node.property.name)) return;
        const path = calleePath(node.object);
        if (!['test', 'it', 'describe'].includes(path[0] ?? '')) return;
        context.report({ node, messageId: 'skip', data: { how: [...path, node.property.name].join('.') } });
      },
    };
  },
};

export default {
  meta: { name: 'honest-tests' },
  rules: { 'no-wait-for-timeout': noWaitForTimeout, 'no-early-return': noEarlyReturn, 'no-skip': noSkip },
};
