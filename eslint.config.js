// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import drizzle from 'eslint-plugin-drizzle';
import reactHooks from 'eslint-plugin-react-hooks';
import nextPlugin from '@next/eslint-plugin-next';
import honestTests from './scripts/eslint/honest-tests.js';

/** Imports that break the one-way flow route → use case → (domain rules + db). */
const frameworkAndIo = ['next', 'next/*', 'react', 'react-dom', 'drizzle-orm', 'drizzle-orm/*', 'pg', 'pg-*'];

/** Test support (testing/) is for tests only; every production block below carries this pattern. */
const noTestSupport = { group: ['@/testing/*'], message: 'Production code never imports test support.' };

/** Pure rules: no framework, no I/O (the environment included), only other rules and the error catalogue. */
const domainPurity = [
  { group: frameworkAndIo, message: 'Domain rules are pure: no framework, no I/O.' },
  {
    group: ['@/db/*', '@/app/*', '@/config/env', 'node:*', 'fs', 'path'],
    message: 'Domain rules are pure: no I/O (the environment included; constants of config/ are fine).',
  },
  {
    regex: '^@/lib/(?!domain/|errors$)',
    message: 'Domain rules depend only on other domain rules and the error catalogue.',
  },
  noTestSupport,
];

/** Tests of the rules may read the reference files they are checked against. */
const domainTestPurity = [
  { group: frameworkAndIo, message: 'Domain rules are pure: no framework, no I/O.' },
  { group: ['@/db/*', '@/app/*'], message: 'Domain tests need no database.' },
];

/**
 * One country's rules, however imported: `@/lib/domain/ru/…`, `./ru/…` from the common folder, `../ru/…`
 * from the other country's (ADR 0029).
 */
const nationalRules = (country) => ({
  regex: `(?:^\\.{1,2}|domain)/${country}(?:/|$)`,
  message:
    `lib/domain/${country}/ holds one country's law: common rules (lib/domain/*.ts) never import it, nor ` +
    "does the other country's folder (ADR 0029). Move what both need into lib/domain/.",
});

/** Which national folders each part of lib/domain may not import (later entries narrow earlier ones). */
const domainRules = [
  { files: ['lib/domain/**/*.ts'], banned: [] },
  { files: ['lib/domain/*.ts'], banned: [nationalRules('ru'), nationalRules('kz')] },
  { files: ['lib/domain/ru/**/*.ts'], banned: [nationalRules('kz')] },
  { files: ['lib/domain/kz/**/*.ts'], banned: [nationalRules('ru')] },
].flatMap(({ files, banned }) => [
  {
    files,
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...domainPurity, ...banned] }] },
  },
  {
    files: files.map((f) => f.replace(/\.ts$/, '.test.ts')),
    rules: { 'no-restricted-imports': ['error', { patterns: [...domainTestPurity, ...banned] }] },
  },
]);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.next-*/',
      'bench/**/*.tmp.ts',
      '.data/',
      'db/migrations/',
      'test-results/',
      'playwright-report/',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { drizzle, 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // The layers below narrow this further; tests (which may use testing/) are left to them.
    files: ['lib/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestSupport] }] },
  },
  // The pure rules (lib/domain): no framework, no I/O, and the jurisdictions kept apart (ADR 0029).
  ...domainRules,
  {
    files: ['db/**/*.ts'],
    ignores: ['db/seed/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The pure rules of lib/domain (identifiers' check digits) are the one exception.
              group: ['@/lib/*', '!@/lib/domain', '@/app/*', 'next', 'next/*', 'react'],
              message: 'db never imports lib (but its pure domain rules) or app.',
            },
            noTestSupport,
          ],
        },
      ],
    },
  },
  {
    // Configuration (environment, time zone) is read by every layer, db/ included, so it imports none.
    files: ['config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/*'], message: 'config/ imports nothing of the project.' }] },
      ],
    },
  },
  {
    files: ['db/seed/**/*.ts'],
    // The seeder's tests may check its rows against the register's own lists (event names).
    ignores: ['db/seed/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', 'next', 'next/*', 'react'], message: 'The seeder never imports the app.' },
            {
              regex: '^@/lib/(?!domain/)',
              message: 'The seeder uses only the pure domain rules (identifiers).',
            },
            noTestSupport,
          ],
        },
      ],
    },
  },
  {
    // The Kazakh demo seeder enters its demo people through the register's use case (ADR 0030).
    files: ['db/seed/kz/seed-kz-register.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', 'next', 'next/*', 'react'], message: 'The seeder never imports the app.' },
            {
              regex: '^@/lib/(?!domain/|kz/persons/register-kz-person$|register/writer$|auth/actor$)',
              message: 'The seeder uses the pure domain rules and, for the demo people, registerKzPerson.',
            },
            noTestSupport,
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx', 'api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/db/*', 'drizzle-orm', 'drizzle-orm/*', 'pg'],
              message: 'Routes never talk SQL: call a use case in lib/.',
            },
            noTestSupport,
          ],
        },
      ],
    },
  },
  {
    // API and page-door tests arrange data and read the access log directly; the doors themselves never do.
    files: ['api/**/*.int.test.ts', 'app/**/*.int.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Test support (testing/) is shared by the tests of every layer: it may reach any of them; only tests
    // may reach it (noTestSupport).
    files: ['testing/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Honest tests (e2e/README.md): no sleeps, no early returns, no skips outside the allow-list below.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    plugins: { 'honest-tests': honestTests },
    rules: {
      'honest-tests/no-wait-for-timeout': 'error',
      'honest-tests/no-early-return': 'error',
      // The allow-list: { file: 'path/from/root.ts', reason: 'why this test may be skipped' }. Empty now.
      'honest-tests/no-skip': ['error', { allow: [] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
