import type { StorybookConfig } from '@storybook/react-vite';

const src = (file: string) => new URL(`../src/${file}`, import.meta.url).pathname;

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-vitest', '@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  typescript: { reactDocgen: 'react-docgen' },
  core: { disableTelemetry: true },
  // Stories import the public entry names, resolved to the sources.
  viteFinal: (viteConfig) => {
    viteConfig.resolve ??= {};
    viteConfig.resolve.alias = [
      { find: /^bulwark$/, replacement: src('index.ts') },
      { find: /^bulwark\/(core|sentry|sw|testing)$/, replacement: src('$1.ts') },
    ];
    return viteConfig;
  },
};
export default config;
