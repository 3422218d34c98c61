import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * One output file per source module, so a user's bundler drops every module the app does not reach
 * (`"sideEffects": false`): `import { ErrorBoundary } from 'bulwark'` must not pull in the toaster
 * and sonner. Each module is built alone with every import left external; a relative import gets
 * the `.js` its output file has (esbuild's `bundle: false` leaves `./x` without one, which ESM
 * cannot load).
 */
const oneFilePerModule: EsbuildPlugin = {
  name: 'one-file-per-module',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.startsWith('.') ? `${args.path}.js` : args.path, external: true };
    });
  },
};

/** Every `.js` file under `dir`. */
const jsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));

export default defineConfig({
  entry: ['src/**/*.ts', 'src/**/*.tsx', '!src/**/*.d.ts'],
  format: ['esm'],
  target: 'es2022',
  platform: 'browser',
  bundle: true,
  splitting: false,
  treeshake: false,
  esbuildPlugins: [oneFilePerModule],
  // Types for the package's entries (package.json "exports"), each one file.
  dts: {
    entry: {
      index: 'src/index.ts',
      core: 'src/core.ts',
      sentry: 'src/sentry.ts',
      sw: 'src/sw.ts',
      testing: 'src/testing.ts',
    },
    compilerOptions: { ignoreDeprecations: '6.0' },
  },
  clean: true,
  sourcemap: false,
  // React modules are client modules (Next.js app router); esbuild drops directives while bundling,
  // so put it back on the built files: the React entry and everything under react/.
  onSuccess: () => {
    for (const file of ['dist/index.js', ...jsFiles('dist/react')]) {
      const code = readFileSync(file, 'utf8');
      if (!code.startsWith('"use client"')) writeFileSync(file, `"use client";\n${code}`);
    }
    return Promise.resolve();
  },
});
