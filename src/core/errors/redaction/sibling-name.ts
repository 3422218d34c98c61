import { luhn, opaque } from './checks';
import { readProperty } from '../read-property';

/** Names a card object's number field has beside its card fields (a `card_number` is secret by its own name). */
const NUMBER_FIELD = /^(number|num|pan)$/i;
/**
 * Fields that make an object a card (Stripe `createToken`, Braintree, Adyen, Checkout.com, Square):
 * the CVC, the expiry, the holder, the brand. Compared lower-case with `_` and `-` dropped.
 */
const CARD_FIELDS = new Set(
  'cvc cvv cvv2 cvc2 csc securitycode expmonth expyear expiry expirymonth expiryyear expiration expirationdate expirationmonth expirationyear expdate last4 brand cardholder cardholdername holdername nameoncard'.split(
    ' ',
  ),
);
/** A card object names itself: Stripe's `object: 'card'`, Adyen's `type: 'scheme'`. */
const CARD_OBJECT = /^(card|scheme|credit_card|creditcard)$/i;
/** OAuth 2.0 redirect parameters beside `code` (RFC 6749 §4.1.2, OpenID Connect's `session_state`, RFC 9207 `iss`). */
const OAUTH_SIBLINGS = ['state', 'session_state', 'iss'];

/** Whether `obj` has a card field beside its number: its own keys, read once and at most 50. */
function isCardObject(obj: object): boolean {
  const kind = readProperty(obj, 'object') ?? readProperty(obj, 'type');
  if (typeof kind === 'string' && CARD_OBJECT.test(kind)) return true;
  let seen = 0;
  try {
    for (const key in obj) {
      if (++seen > 50) return false;
      if (CARD_FIELDS.has(key.toLowerCase().replace(/[_-]/g, ''))) return true;
    }
  } catch {
    // A Proxy whose traps throw: not a card object we can tell.
  }
  return false;
}

/**
 * The name an object's entry has by its siblings, when they change what it is (break-it pass 2, L1):
 * the `number` of an object with card fields (`{ number, exp_month, cvc }`: Stripe `createToken`,
 * Braintree, Adyen, with no `card` parent) is a card number, whatever its digits look like alone; the
 * `code` of an object with `state` (a parsed OAuth redirect query, RFC 6749 §4.1.2) is an
 * authorization code when it is opaque (`{ code: 'E_QUOTA', state: 'failed' }` stays). `undefined`
 * when the entry keeps its own name: a lone `{ number: 4242… }` is an order number.
 */
export function siblingName(obj: object, name: string): string | undefined {
  if (NUMBER_FIELD.test(name)) {
    const value = readProperty(obj, name);
    const digits = typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
    // Only a number that could be a card: a card object's `number` may also be a masked `•••• 4242`.
    if (typeof digits !== 'string' || !/^[\d \t.-]{12,30}$/.test(digits) || !luhn(digits)) return undefined;
    return isCardObject(obj) ? 'card number' : undefined;
  }
  if (name === 'code') {
    const value = readProperty(obj, 'code');
    if (typeof value !== 'string' || !opaque(value)) return undefined;
    return OAUTH_SIBLINGS.some((key) => typeof readProperty(obj, key) === 'string') ? 'auth code' : undefined;
  }
  return undefined;
}
