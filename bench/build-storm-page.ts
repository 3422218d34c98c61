/**
 * The storm page bundled for Chromium, as a production build. `minify: false` keeps function names
 * for CPU profiles (bench/storm-trace.ts). esbuild is loaded lazily: the Node-only benches never need it.
 */
export async function buildStormPage(minify: boolean) {
  const { build } = await import('esbuild');
  return build({
    entryPoints: [new URL('./storm-page.tsx', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    minify,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}
