import { build } from 'esbuild';

/**
 * Imports bulwark sources as they ship: bundled by esbuild as tsup does. (Importing them through tsx
 * would compile them with `keepNames`, which adds a property to every closure, while the peers load as
 * plain JS.) `exports` are `export … from './src/…'` lines; `name` names the cached bundle.
 */
export async function importAsShipped<T>(name: string, exports: readonly string[]): Promise<T> {
  const outfile = new URL(`../node_modules/.cache/bulwark-bench/${name}.mjs`, import.meta.url).pathname;
  await build({
    stdin: {
      contents: exports.join('\n'),
      resolveDir: new URL('..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile,
    logLevel: 'warning',
  });
  return (await import(outfile)) as T;
}
