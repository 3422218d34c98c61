import type { RedactionRule } from './types';

/**
 * The literal triggers of the default rules, by rule id (see `RedactionRule.triggers`): each pattern
 * cannot match without one of its rule's strings (case-insensitive), read off the pattern itself:
 * `eyJ` leads a JWT, `://` an authority, `@`/`%40`/`\u0040` an e-mail. A test runs every corpus with
 * and without them and expects the same output. Only rules whose scan costs more than the substring
 * searches that skip it have them (measured on stacks, JSON and the benign corpus: these three were
 * 5–25 times a vendor-prefix rule; a search costs about as much as a cheap rule's scan). Left out:
 * `key-value` (its keys are decided by word rules over folded names, quoted multi-word keys and the
 * app's `keys`: no literal list can be proved for it), the number rules (digits are everywhere) and
 * the cheap anchored rules.
 */
export const RULE_TRIGGERS: Readonly<Record<string, readonly string[]>> = {
  jwt: ['eyJ'],
  'base64-json': ['eyJ'],
  email: ['@', '%40', '\\u0040'],
  'url-credentials': ['://'],
  // Not in its pattern (which finds every list item's start): its `secretEnd` finds nothing in a text
  // without an INSERT, and a text with a `(` or `,` met it at every one (issue 11).
  'sql-insert-secret-column': ['insert'],
  // The word rules that still ran on every plain message with a blank (issue 11): together half of
  // redacting `Widget x failed to load`, each skipped by the words its pattern leads with.
  // `\b(token|api-?key)`
  'token-scheme': ['token', 'api'],
  // `\b(bearer|basic|digest)`
  'authorization-scheme': ['bearer', 'basic', 'digest'],
  // `\b(pass(?:word|wd|phrase)|pwd)`
  'spaced-password': ['pass', 'pwd'],
  // `[ \t]+(?:is|was|-|[!=]==?)[ \t]+`: a blank, then `is`, `was`, `-`, `!=` or `==`.
  'prose-secret': [' is', '\tis', ' was', '\twas', ' -', '\t-', ' !=', '\t!=', ' ==', '\t=='],
};

/** The rules with their triggers from RULE_TRIGGERS (a rule's own `triggers` win). */
export const withTriggers = (rules: readonly RedactionRule[]): RedactionRule[] =>
  rules.map((rule) => {
    const triggers = rule.triggers ?? RULE_TRIGGERS[rule.id];
    return triggers ? { ...rule, triggers } : rule;
  });
