import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './scripts/chromium';

const chromium = playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } });
// A fresh object per project: vitest names the instances in place.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: chromium,
  instances: [{ browser: 'chromium' as const }],
});

// REACT18_DIR (set by scripts/test-react18.sh) points react and react-dom at an 18.3 install.
const react18 = process.env.REACT18_DIR;

// Tests and stories import the public entry names, resolved to the sources.
const src = (file: string) => new URL(`./src/${file}`, import.meta.url).pathname;
const entryAlias = [
  { find: /^bulwark$/, replacement: src('index.ts') },
  { find: /^bulwark\/(core|sentry|sw|testing)$/, replacement: src('$1.ts') },
];
const react18Alias = react18
  ? [
      { find: /^react$/, replacement: `${react18}/node_modules/react/index.js` },
      { find: /^react\/(.*)$/, replacement: `${react18}/node_modules/react/$1.js` },
      { find: /^react-dom$/, replacement: `${react18}/node_modules/react-dom/index.js` },
      { find: /^react-dom\/(.*)$/, replacement: `${react18}/node_modules/react-dom/$1.js` },
      // Its `main` is CommonJS, whose `require('react-dom/client')` no alias reaches (React 19's react-dom would
      // render React 18's elements): use its ES module build, whose imports the aliases above rewrite.
      {
        find: /^@testing-library\/react$/,
        replacement: new URL(
          './node_modules/@testing-library/react/dist/@testing-library/react.esm.js',
          import.meta.url,
        ).pathname,
      },
      // The compatibility tests run react-error-boundary itself too.
      {
        find: /^react-error-boundary$/,
        replacement: new URL(
          './node_modules/react-error-boundary/dist/react-error-boundary.js',
          import.meta.url,
        ).pathname,
      },
    ]
  : [];

export default defineConfig({
  resolve: { alias: entryAlias },
  test: {
    projects: [
      {
        resolve: { alias: [...entryAlias, ...react18Alias] },
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/browser/**', 'test/offline/**'],
          setupFiles: ['test/setup-unit.ts'],
          // Inline the libraries that import react so the React 18 alias reaches them too.
          server: {
            deps: {
              inline: react18 ? ['@testing-library/react', 'sonner', 'zustand', 'react-error-boundary'] : [],
            },
          },
        },
      },
      {
        resolve: { alias: entryAlias },
        // Fixture pages (test/browser/offline/fixtures) are not crawled up front: without this, Vite finds these
        // on first use and reloads the page mid-test.
        optimizeDeps: { include: ['idb', 'react-dom/client'] },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup-browser.ts'],
          browser: browser(),
          // One file at a time: storage quota and usage are the whole origin's, so a file that lowers the
          // quota (draft-quota) saw other files' databases come and go, and its room was not what it set.
          fileParallelism: false,
        },
      },
      {
        // The offline queue: Node drives real Chromium (playwright-core) against a real HTTP server.
        resolve: { alias: entryAlias },
        test: {
          name: 'offline',
          environment: 'node',
          include: ['test/offline/**/*.test.ts'],
          testTimeout: 30_000,
          // One Chromium at a time: the tests time replays, and the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias: entryAlias },
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: browser(),
          setupFiles: ['.storybook/vitest.setup.ts'],
          // The storm story waits for 10,000 captures to drain; slower on a loaded machine.
          testTimeout: 90_000,
        },
      },
    ],
  },
});
