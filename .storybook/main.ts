import type { StorybookConfig } from '@storybook/react-vite';
import type { PluginOption } from 'vite';

const src = (file: string) => new URL(`../src/${file}`, import.meta.url).pathname;

/**
 * Pages that stories load in an iframe (the resumable job's upload page, so "Reload the page" is a real
 * reload). The dev server serves them as they are; the static build must bundle them as pages of their
 * own, or it copies the HTML with a `.tsx` script no browser can run. Added after Storybook's own
 * builder has set its single input (iframe.html); each is written to the same path under the output.
 */
const pages = [new URL('../stories/pages/resumable-job.html', import.meta.url).pathname];
const storyPages: PluginOption = {
  name: 'bulwark:story-pages',
  enforce: 'post',
  config(viteConfig, { command }) {
    if (command !== 'build') return;
    const build = (viteConfig.build ??= {});
    for (const key of ['rolldownOptions', 'rollupOptions'] as const) {
      const options = build[key];
      if (options?.input) options.input = [...[options.input].flat(), ...pages] as string[];
    }
  },
  // Storybook's module mocker injects its entry into every page by a path that holds only for
  // iframe.html; these pages mock nothing.
  transformIndexHtml: {
    order: 'post',
    handler: (html, context) =>
      context.server || !pages.includes(context.filename)
        ? html
        : html.replace(/<script[^>]*vite-inject-mocker-entry\.js[^>]*><\/script>/, ''),
  },
};

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
    viteConfig.plugins = [...(viteConfig.plugins ?? []), storyPages];
    return viteConfig;
  },
};
export default config;
