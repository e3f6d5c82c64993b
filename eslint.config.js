// Lint: ESLint's, typescript-eslint's and eslint-plugin-svelte's recommended rules over the code we
// write (src, tests, bench, scripts). `npm run check` fails on any warning.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'coverage/', '.tmp/', 'dev-dist/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    rules: {
      // "{' '}" and "{' not scored'}" keep spaces that Svelte would trim from plain text beside a tag.
      'svelte/no-useless-mustaches': 'off',
      // Flags every Map and Set in a component, including ones built and dropped inside one derived
      // value; state that must be reactive is declared with $state or SvelteMap where it is.
      'svelte/prefer-svelte-reactivity': 'off',
      // An argument or caught error that is not used is named with a leading underscore.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests take hostile and hand-built files apart, field by field.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
