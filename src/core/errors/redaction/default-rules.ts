import { echoRules } from './echo-rules';
import { keyValueRules } from './key-value-rules';
import { personalDataRules } from './personal-data-rules';
import { withTriggers } from './rule-triggers';
import { sqlInsertRules } from './sql-insert-rules';
import { tokenRules } from './token-rules';
import { separatedPairRules } from './separated-pair-rules';
import type { RedactionRule } from './types';
import { vendorTokenRules } from './vendor-token-rules';

/**
 * The default rules, applied in this order. Key names are matched by whole words (see
 * `isSecretKeyName`); values by their shape, with a checksum (Luhn, IBAN mod 97), a nearby keyword
 * or a token-shape test where the shape alone would catch harmless ids.
 */
export const defaultRedactionRules: readonly RedactionRule[] = /* @__PURE__ */ withTriggers([
  ...tokenRules,
  ...vendorTokenRules,
  ...keyValueRules,
  ...echoRules,
  ...separatedPairRules,
  ...sqlInsertRules,
  ...personalDataRules,
]);
