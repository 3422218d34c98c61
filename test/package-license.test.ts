// Issue 10: package.json said MIT but no LICENSE file shipped. npm packs a root LICENSE whatever `files` says.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// vitest runs from the package root (jsdom gives import.meta.url an http: URL).
const read = (name: string) => readFileSync(resolve(process.cwd(), name), 'utf8');

describe('the package licence', () => {
  it('ships the MIT text that package.json names', () => {
    const pkg = JSON.parse(read('package.json')) as { license?: string };
    expect(pkg.license).toBe('MIT');
    const text = read('LICENSE');
    expect(text).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(text).toContain('Permission is hereby granted, free of charge');
    expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });
});
