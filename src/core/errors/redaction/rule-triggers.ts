import type { RedactionRule } from './types';

/**
 * The literal triggers of the default rules, by rule id (see `RedactionRule.triggers`): each pattern
 * cannot match without one of its rule's strings (case-insensitive), read off the pattern itself:
 * `eyJ` leads a JWT, `://` an authority, `@`/`%40`/`\u0040` an e-mail. A test runs every corpus with
 * and without them and expects the same output. Rules that are left out: `key-value` (its keys are
 * decided by word rules over folded names, quoted multi-word keys and the app's `keys`: no literal
 * list can be proved for it), the number rules (cards, IBANs, phones: digits are everywhere) and the
 * vendor token rules (each is one cheap anchored literal already).
 */
export const RULE_TRIGGERS: Readonly<Record<string, readonly string[]>> = {
  'private-key': ['-----BEGIN'],
  'url-credentials': ['://'],
  jwt: ['eyJ'],
  'base64-json': ['eyJ'],
  'aws-secret-access-key': ['aws', 'secret', 'AKIA', 'ASIA', 'amazon'],
  'aws-access-key-id': ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA'],
  'hex-private-key': ['private', 'secret', 'signing', 'wallet', 'mnemonic', 'seed', 'key'],
  'authorization-scheme': ['bearer', 'basic', 'digest'],
  'cookie-header': ['cookie'],
  email: ['@', '%40', '\\u0040'],
  'xml-element': ['</'],
  'form-field-value': ['<input', '<textarea', '<option'],
  'cli-secret-flag': ['-'],
  'mysql-password-flag': ['-p'],
  'cli-user-password': ['-u'],
  'sql-password': ['identified', 'password'],
};

/** The rules with their triggers from RULE_TRIGGERS (a rule's own `triggers` win). */
export const withTriggers = (rules: readonly RedactionRule[]): RedactionRule[] =>
  rules.map((rule) => {
    const triggers = rule.triggers ?? RULE_TRIGGERS[rule.id];
    return triggers ? { ...rule, triggers } : rule;
  });
