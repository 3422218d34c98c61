// Writes every ```ts and ```tsx block of README.md to .readme-examples/, one module per block, so
// `npm run test:readme` can compile them against the built package's public types with TypeScript 6
// and 7. A block right after a `<!-- no-typecheck -->` line is skipped (keep those rare, and say why
// next to the mark).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const out = new URL('../.readme-examples/', import.meta.url);
const lines = readFileSync(new URL('../README.md', import.meta.url), 'utf8').split('\n');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let written = 0;
let skipped = 0;
for (let i = 0; i < lines.length; i++) {
  const open = /^```(ts|tsx)\s*$/.exec(lines[i] ?? '');
  if (!open) continue;
  const end = lines.indexOf('```', i + 1);
  if (end < 0) throw new Error(`README.md:${i + 1}: unclosed code block`);
  let previous = i - 1;
  while (previous >= 0 && lines[previous]?.trim() === '') previous--;
  if (lines[previous]?.includes('<!-- no-typecheck')) {
    skipped++;
  } else {
    // The first line names the README line the block's code starts on, so an error maps back.
    const body = [`// README.md:${i + 2}`, ...lines.slice(i + 1, end), 'export {};', ''].join('\n');
    writeFileSync(new URL(`line-${String(i + 2).padStart(4, '0')}.${open[1]}`, out), body);
    written++;
  }
  i = end;
}
console.log(`README examples: ${written} written to .readme-examples/, ${skipped} marked no-typecheck`);
