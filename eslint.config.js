// @ts-check
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The console and the emulator stand on opposite sides of the wire: never import each other. */
const EMULATOR_PATTERN = {
  group: ['**/emulator/**'],
  message: 'src must not import the emulator.',
};

/** The console's features (src/features/*). */
const FEATURES = ['auth', 'event-source-mappings'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'infra/cdk.out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [EMULATOR_PATTERN] }],
    },
  },
  // Import boundaries in the style of bulletproof-react's restricted zones: src/app composes
  // features; a feature imports neither src/app nor another feature; shared code (components,
  // lib, api, config) imports neither. (Each block restates the emulator rule: a later
  // no-restricted-imports replaces an earlier one for the same files.)
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            EMULATOR_PATTERN,
            {
              regex: '^(\\.\\./)+app/',
              message: 'Features do not import src/app: routes compose features.',
            },
            ...FEATURES.filter((other) => other !== feature).map((other) => ({
              regex: `^(\\.\\./)+(features/)?${other}/`,
              message: `The ${feature} feature does not import the ${other} feature: share through src/lib, src/components or src/api, or compose both in a route.`,
            })),
          ],
        },
      ],
    },
  })),
  {
    files: ['src/{components,lib,api,config}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            EMULATOR_PATTERN,
            {
              regex: '^(\\.\\./)+(app|features)/',
              message: 'Shared code does not import src/app or a feature.',
            },
          ],
        },
      ],
    },
  },
  ...pluginQuery.configs['flat/recommended-strict'],
  {
    files: ['emulator/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The console's src/ (emulator/test may import ../src, the emulator's own code).
              group: ['../../src/**', '../../../src/**', '../../../../src/**'],
              message: 'The emulator stands in for AWS: never import the console.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts', 'test/**/*.ts', 'scripts/**/*.{ts,js,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
);
