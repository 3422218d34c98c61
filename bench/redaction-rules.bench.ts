// Time per default redaction rule (issue 9, S1) over hostile 20,000-character values and the benign
// corpus: fastest of 5 in one process, top 5 rules per value. Run with
// `node --import tsx bench/redaction-rules.bench.ts`.
import { applyRule, globalPattern } from '../src/core/errors/redaction/apply-rules';
import { defaultRedactionRules } from '../src/core/errors/redaction/default-rules';
import { isSecretKeyName } from '../src/core/errors/redaction/secret-key';
import { benignStrings } from '../test/core/errors/corpus/benign';
const N = 20_256;
const inputs: [string, string][] = [
  ['?code= x', '?code=abc'.repeat(3000).slice(0, N)],
  ['a://b:c@ x', 'a://b:c@'.repeat(3000).slice(0, N)],
  ['token=abc x', 'token=abc '.repeat(3000).slice(0, N)],
  ['password: x', 'password: '.repeat(3000).slice(0, N)],
  ['x=y&', 'x=y&'.repeat(6000).slice(0, N)],
  ['benign', benignStrings.join('\n')],
];
const known = new Map<string, boolean>();
const isSecretKey = (k: string) => {
  let v = known.get(k);
  if (v === undefined) {
    v = isSecretKeyName(k);
    known.set(k, v);
  }
  return v;
};
const rules = defaultRedactionRules;
const pats = rules.map((r) => globalPattern(r.pattern));
for (const [name, text] of inputs) {
  const row: [string, number][] = [];
  for (let i = 0; i < rules.length; i++) {
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      applyRule(text, rules[i]!, pats[i]!, '[REDACTED]', { key: '', isSecretKey });
      best = Math.min(best, performance.now() - t);
    }
    row.push([rules[i]!.id, best]);
  }
  row.sort((a, b) => b[1] - a[1]);
  const sum = row.reduce((s, [, t]) => s + t, 0);
  console.log(
    `${name.padEnd(12)} total ${sum.toFixed(2)} ms: ` +
      row
        .slice(0, 5)
        .map(([id, t]) => `${id} ${t.toFixed(2)}`)
        .join(', '),
  );
}
