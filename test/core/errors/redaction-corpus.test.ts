import { describe, expect, it } from 'vitest';
import { redact, redactString } from 'bulwark/core';
import { benignObject, benignStrings } from './corpus/benign';
import { captureThroughCore, PLACES, plant, survivors } from './corpus/plant';
import { plantedSecrets } from './corpus/secrets';

// 369+ captures through every exit: seconds on a loaded 2-core machine, so a longer timeout.
describe('redaction corpus (issue 9)', { timeout: 30_000 }, () => {
  it('has at least 200 planted secrets of at least 15 kinds, in every place', () => {
    expect(plantedSecrets.length).toBeGreaterThanOrEqual(200);
    expect(new Set(plantedSecrets.map((s) => s.kind)).size).toBeGreaterThanOrEqual(15);
    expect(benignStrings.length).toBeGreaterThanOrEqual(200);
  });

  it('lets 0 planted secrets survive through the store (as JSON), the dispatcher and the console reporter', () => {
    const leaks: string[] = [];
    plantedSecrets.forEach((secret, i) => {
      const place = PLACES[i % PLACES.length] as (typeof PLACES)[number];
      const [value, context] = plant(secret, place, i);
      const { texts } = captureThroughCore(value, context);
      for (const needle of survivors(secret, texts)) leaks.push(`${secret.kind} in ${place}: ${needle}`);
    });
    expect(leaks).toEqual([]);
    // A full capture per planted secret (324 of them): generous for a loaded shared machine.
  }, 60_000);

  it('places every kind in every place at least once across the corpus', () => {
    const kinds = new Set(plantedSecrets.map((s) => s.kind));
    const seen = new Map<string, Set<string>>();
    plantedSecrets.forEach((s, i) => {
      const places = seen.get(s.kind) ?? new Set<string>();
      places.add(PLACES[i % PLACES.length] as string);
      seen.set(s.kind, places);
    });
    for (const kind of kinds) expect(seen.get(kind)?.size).toBe(PLACES.length);
  });

  it('changes at most 2% of the benign debugging strings', () => {
    const changed = benignStrings.filter((text) => redactString(text) !== text);
    expect(changed.length / benignStrings.length).toBeLessThanOrEqual(0.02);
  });

  it('keeps harmless keys that contain a secret word, and ids that pass a Luhn check', () => {
    expect(redact(benignObject)).toEqual(benignObject);
  });
});
