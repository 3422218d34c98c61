import { readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    core: 'src/core.ts',
    sentry: 'src/sentry.ts',
    sw: 'src/sw.ts',
    testing: 'src/testing.ts',
  },
  format: ['esm'],
  target: 'es2022',
  platform: 'browser',
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  splitting: true,
  treeshake: true,
  clean: true,
  sourcemap: false,
  // Peers stay external so the app's single copy is used.
  external: [/^react(\/.*)?$/, /^react-dom(\/.*)?$/, /^zustand(\/.*)?$/, 'sonner', /^@sentry\//, /^workbox-/],
  // The React entry is a client module (Next.js app router); esbuild drops directives while
  // bundling, so put it back on the built file.
  onSuccess: () => {
    const file = 'dist/index.js';
    const code = readFileSync(file, 'utf8');
    if (!code.startsWith('"use client"')) writeFileSync(file, `"use client";\n${code}`);
    return Promise.resolve();
  },
});
