// ESLint: strict TypeScript, no `any`, and the one-way import boundaries of the design
// (core <- engine <- worker, cli; core <- bridge <- store <- ui; core <- storage <- store; core <- charts <- ui).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (name) => [`**/${name}/**`, `**/${name}`];
const tf = ['@tensorflow/*'];
const ui = ['react', 'react-dom', 'react-dom/*', 'd3', 'd3-*', 'zustand', 'zustand/*', '@xyflow/*'];

/** Forbid imports of the given module patterns and src layers from files in `files`. */
const boundary = (files, modules, layers, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(modules.length ? [{ group: modules, message: why }] : []),
          ...(layers.length ? [{ group: layers.flatMap(layer), message: why }] : []),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  boundary(['src/core/**'], [...tf, ...ui, 'comlink'], ['engine', 'worker', 'bridge', 'store', 'charts', 'ui', 'cli', 'bench'], 'src/core is pure TypeScript: it imports only itself.'),
  boundary(['src/engine/**'], [...ui, 'comlink'], ['worker', 'bridge', 'store', 'charts', 'ui', 'cli', 'bench'], 'src/engine depends on core and tfjs only.'),
  boundary(['src/worker/**'], ui, ['bridge', 'store', 'charts', 'ui', 'cli', 'bench'], 'src/worker wraps the engine; it never touches the UI.'),
  boundary(['src/bridge/**'], [...tf, ...ui], ['engine', 'worker', 'store', 'charts', 'ui', 'cli', 'bench'], 'src/bridge talks to the worker through core types only.'),
  boundary(['src/store/**'], [...tf, 'd3', 'd3-*', 'react-dom'], ['engine', 'worker', 'charts', 'ui', 'cli', 'bench'], 'src/store holds state; it never imports tfjs, the engine or views.'),
  boundary(['src/storage/**'], [...tf, ...ui, 'comlink'], ['engine', 'worker', 'bridge', 'charts', 'ui', 'cli', 'bench'], 'src/storage keeps run state in IndexedDB; it knows core and the store\'s state types only.'),
  boundary(['src/charts/**'], [...tf, 'zustand', 'comlink'], ['engine', 'worker', 'bridge', 'store', 'ui', 'cli', 'bench'], 'src/charts draws plain data from core.'),
  boundary(['src/ui/**'], tf, ['engine', 'worker', 'cli', 'bench'], 'src/ui never imports tfjs or the engine; it talks to the worker through the bridge.'),
);
