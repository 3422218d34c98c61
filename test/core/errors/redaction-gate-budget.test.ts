import { describe, expect, it } from 'vitest';
import { createRedactor, createResilience } from 'bulwark/core';
import { plantedSecrets } from './corpus/secrets';

// The prefilter (gates of rule-gates.ts + triggers of rule-triggers.ts) gives the same output as
// `prefilter: false` under a finite work budget too (findings-11 G1–G3: it charged its own reads, so on
// text that passes most gates a budget ran out with it where it did not without it).

/**
 * A harmless stack-like line that passes nearly every gate (every character class, a token run of 70,
 * a base64 run of 50) but holds no trigger (`eyJ`, `@`/`%40`/`\u0040`, `://`, `insert`): the prefilter
 * reads the facts, lowers the text and searches the triggers, and skips almost no rule.
 */
const LINE = `${'k'.repeat(70)} ${'Q'.repeat(50)} 50% C:\\x\\y.js ~0 <b> & "q" 'q' \`q\` x-y_z\n\t\r 123`;
const TEXT = LINE.repeat(10); // 1,690 characters

describe('the prefilter never changes what a work budget lets through', () => {
  // G1: same options, same text: with gates the call's budget runs out (the whole text becomes
  // `[not scanned: 1690 chars]`); without them the same budget scans it and keeps it.
  it('G1 redactString: a budget that scans the text without gates scans it with gates', () => {
    const options = { workBudget: 130_000 };
    const ungated = createRedactor({ ...options, prefilter: false }).redactString(TEXT);
    const gated = createRedactor(options).redactString(TEXT);
    expect(ungated).not.toContain('not scanned');
    expect(gated).toBe(ungated);
  });

  // G2: default options (4,000,000 units per call): an object of 30 such strings. Without gates every
  // string is scanned; with gates the last ones are `[not scanned: 1690 chars]`.
  it('G2 redactor(object) with default options: gated output equals ungated', () => {
    const value = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`line${i}`, TEXT]));
    const ungated = createRedactor({ prefilter: false })(value);
    const gated = createRedactor()(value);
    expect(JSON.stringify(ungated)).not.toContain('not scanned');
    expect(gated).toEqual(ungated);
  });

  // G3: the same through capture with default options: an error's message, stack and field messages
  // share one budget (issue 9), so 40 harmless field messages are kept without gates and 4 of them
  // become `[not scanned: …]` with gates.
  it('G3 capture(error with field errors): the record is the same with and without the prefilter', () => {
    const record = (prefilter: boolean) => {
      const error = Object.assign(new Error('Validation failed'), {
        fieldErrors: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, [TEXT]])),
      });
      const resilience = createResilience({ reporting: { redact: { prefilter } } });
      const { fingerprint, error: copy } = resilience.capture(error);
      return JSON.stringify({ fingerprint, error: copy });
    };
    // From one call site, so that both stacks are the same text.
    const [ungated, gated] = [false, true].map(record);
    expect(ungated).not.toContain('not scanned');
    expect(gated).toBe(ungated);
  });
});

/** Tricks on the characters the gates read: look-alikes, other digits, escapes, cuts. */
const TRICKS: Record<string, (s: string) => string> = {
  fullWidthDigits: (s) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + +d)),
  arabicIndicDigits: (s) => s.replace(/\d/g, (d) => String.fromCharCode(0x660 + +d)),
  devanagariDigits: (s) => s.replace(/\d/g, (d) => String.fromCharCode(0x966 + +d)),
  nbsp: (s) => s.replace(/ /g, '\u00a0'),
  zeroWidth: (s) => s.replace(/(.)(.)/g, '$1\u200b$2'),
  fullWidthSeparators: (s) => s.replace(/=/g, '\uff1d').replace(/:/g, '\uff1a'),
  percentEncoded: (s) => s.replace(/=/g, '%3D').replace(/:/g, '%3A').replace(/@/g, '%40'),
  unicodeEscaped: (s) => s.replace(/=/g, '\\u003d').replace(/:/g, '\\u003a').replace(/@/g, '\\u0040'),
  htmlEntities: (s) => s.replace(/=/g, '&#61;').replace(/:/g, '&colon;'),
  loneCr: (s) => s.replace(/[\n ]/g, '\r'),
  verticalTab: (s) => s.replace(/ /g, '\v'),
  formFeed: (s) => s.replace(/ /g, '\f'),
  tab: (s) => s.replace(/ /g, '\t'),
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  kelvin: (s) => s.replace(/k/gi, '\u212a'),
  longS: (s) => s.replace(/s/g, '\u017f'),
  turkishI: (s) => s.replace(/i/g, '\u0131').replace(/I/g, '\u0130'),
  combining: (s) => s.replace(/([a-z])/g, '$1\u0301'),
  surrogatePairs: (s) => `\u{1F600}${s}\u{1F600}`,
  jsonEscaped: (s) => JSON.stringify(s),
  twiceEscaped: (s) => JSON.stringify(JSON.stringify(s)),
  cutFirst: (s) => s.slice(1),
  cutLast: (s) => s.slice(0, -1),
  half: (s) => s.slice(0, Math.floor(s.length / 2)),
};

describe('gates hold under these tricks (no budget limit)', () => {
  const gated = createRedactor({ workBudget: Infinity });
  const ungated = createRedactor({ workBudget: Infinity, prefilter: false });
  it('every planted secret, transformed by each trick, redacts the same with and without gates', () => {
    const differ: string[] = [];
    for (const { text } of plantedSecrets)
      for (const [name, trick] of Object.entries(TRICKS)) {
        const input = trick(text);
        if (gated.redactString(input) !== ungated.redactString(input)) differ.push(`${name}: ${input}`);
      }
    expect(differ).toEqual([]);
  }, 120_000);
});
