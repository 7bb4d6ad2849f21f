// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = { paths: nodeModules.map((name) => ({ name, message: 'This layer must not use Node built-ins.' })) };
const electronBan = { name: 'electron', message: 'Only main/ (outside services/) may import electron.' };
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'fetch'].map(
  (name) => ({ name, message: 'shared/ is pure: no DOM or network globals.' }),
);

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { ...noNode, paths: [...noNode.paths, electronBan], patterns: ['react', 'react-dom', '**/main/**', '**/renderer/**'] }],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { ...noNode, paths: [...noNode.paths, electronBan], patterns: ['**/main/**'] }],
    },
  },
  {
    // Code that runs on shops' websites (bundled into the snippets): DOM yes; Node, electron, React and the app's own
    // layers no (after the renderer block, so this stricter list wins for these files).
    files: ['renderer/snippet-runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { ...noNode, paths: [...noNode.paths, electronBan], patterns: ['react', 'react-dom', '**/main/**', '**/renderer/**'] }],
    },
  },
  {
    files: ['main/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan], patterns: ['**/renderer/**'] }] },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts'],
    // Tests read arbitrary JSON off the wire; typing every probe adds noise, not safety.
    rules: { 'no-empty-pattern': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
