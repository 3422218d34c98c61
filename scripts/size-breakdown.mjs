// Where the bytes of an import from bulwark/core go, to decide what a size budget can still buy.
// Usage: node scripts/size-breakdown.mjs "AppError, normalizeError, classifyError, fingerprint"
// Prints the min+gzip size of the bundle, its minified bytes per source file, and its gzip size with
// every regex and string literal emptied (what the code alone costs). Bundles src/, so the figures
// run a few dozen bytes above size-limit's, which bundles dist/.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const names = process.argv[2];
if (!names) {
  console.error('Usage: node scripts/size-breakdown.mjs "<names exported by bulwark/core>"');
  process.exit(1);
}

const result = await build({
  stdin: { contents: `export { ${names} } from './src/core.ts';`, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  metafile: true,
  external: ['zustand'],
});
const code = result.outputFiles[0].text;
const gzip = (text) => gzipSync(text, { level: 9 }).length;

// Literals right after an operator or bracket are regexes; minified output has no comments.
const withoutRegexes = code.replace(
  /(?<=[=(,:[!|&?])\/(?![*/])(?:\\.|\[(?:\\.|[^\]])*\]|[^/\\\n[])+\/[dgimsuyv]*/g,
  '/x/',
);
const withoutLiterals = withoutRegexes.replace(/"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, '""');

console.log(`{ ${names} }: ${code.length} B minified, ${gzip(code)} B min+gzip`);
console.log(
  `  without regex literals: ${gzip(withoutRegexes)} B; without regex and string literals: ${gzip(withoutLiterals)} B`,
);
const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
  .filter(([, input]) => input.bytesInOutput > 0)
  .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput);
for (const [file, input] of inputs) console.log(`  ${String(input.bytesInOutput).padStart(6)} B  ${file}`);
