// Lint: ESLint's, typescript-eslint's and eslint-plugin-svelte's recommended rules over the code we
// write (src, tests, bench, scripts). `npm run check` fails on any warning.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** Import patterns for every room of src/ except `allowed` (and Dexie, which only data/ imports). */
function roomsOutside(allowed) {
  const rooms = ['framework', 'domain', 'data', 'files', 'state', 'ui', 'containers', 'screens'];
  return [...rooms.filter((room) => !allowed.includes(room)).map((room) => `**/${room}/**`), 'dexie'];
}

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
  // The rooms of src/ are checked by dependency-cruiser (.dependency-cruiser.cjs), which reads a
  // .svelte file through the Svelte compiler: type-only imports are gone by then. These repeat the
  // rules of the rooms that hold components, so that an `import type` across a wall fails too.
  {
    files: ['src/ui/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: roomsOutside(['ui', 'domain', 'framework']), message: 'ui/ only draws.' }] },
      ],
    },
  },
  {
    files: ['src/containers/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/screens/**'], message: 'containers/ never import a screen.' }] },
      ],
    },
  },
  {
    files: ['src/screens/*/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*/**', '!../../**'], message: "A screen never imports another screen's files." }] },
      ],
    },
  },
  {
    // Tests take hostile and hand-built files apart, field by field.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
