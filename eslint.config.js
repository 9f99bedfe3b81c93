import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import i18next from 'eslint-plugin-i18next';

// cornerstone-core keeps global state: only app/viewer may know it (see STYLE.md).
const cornerstoneOnlyInViewer = {
  group: ['cornerstone-core', 'cornerstone-core/*'],
  message: 'Only src/app/viewer/ may import cornerstone-core.',
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        self: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Blob: 'readonly',
        File: 'readonly',
        Worker: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        crypto: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Throw Error objects (ProblemError, DicomLoadError, …): they carry a stack and a code.
      'no-throw-literal': 'error',
    },
  },
  {
    // Typed linting, for the one rule that needs types: it also catches `throw problem` where
    // `problem` is a plain object, which no-throw-literal cannot see. The root tsconfig covers
    // every .ts file, so one program serves them all (cheaper than one per folder tsconfig).
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-throw-literal': 'off',
      '@typescript-eslint/only-throw-error': 'error',
    },
  },
  {
    // A cycle makes load order matter and hides which module owns what.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x resolves a .ts import but never parses it, and sees no cycle.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['src/app/viewer/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [cornerstoneOnlyInViewer] }] },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Words in the workbench go through t() (src/app/i18n, English and Chinese): no literal text
    // in JSX. Symbols, units and acronyms that read the same in both languages are allowed.
    // The ignores are files not yet converted; when they are, delete the list.
    files: ['src/app/**/*.tsx'],
    ignores: ['src/app/**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-text-only',
          // Commands and keys in <code>/<kbd> are typed as shown, in any language.
          'jsx-components': { exclude: ['Trans', 'code', 'kbd'] },
          words: {
            exclude: [
              // Digits, punctuation and symbols (×, –, −, …, ·, arrows, ▶, ◐, ↺, ✓) and ALL-CAPS terms.
              '^[\\s0-9!-/:-@[-`{-~×–—−…·→←↑↓▶❚◐↺✓✗⚠°±²]+$',
              '^[A-Z_-]+$',
              '^(n|mm|px|ms|fps|HU|WebGPU|WASM|SHA-256|ICC\\(\\d,1\\)|Consilium)$',
            ],
          },
        },
      ],
    },
  },
  {
    // Core is pure: no UI, no workers, no network. The boundary is a lint error, not a convention.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/**', '**/workers/**', '**/cli/**'],
              message: 'core/ must not import app/, workers/ or cli/.',
            },
            {
              group: ['react', 'react-dom', 'zustand'],
              message: 'core/ is UI-free.',
            },
            cornerstoneOnlyInViewer,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Nothing leaves the machine: no fetch in core/.' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/workers/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Nothing leaves the machine: no fetch in workers/.' },
      ],
    },
  },
  {
    // Workers and the CLI run without a page: the UI is not theirs to import.
    files: ['src/workers/**/*.ts', 'src/cli/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/**', '**/app'],
              message: 'workers/ and cli/ must not import app/ (move shared code to core/).',
            },
            cornerstoneOnlyInViewer,
          ],
        },
      ],
    },
  },
);
