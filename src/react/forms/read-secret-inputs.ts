/**
 * Inputs whose values never go into a draft: passwords, and the autocomplete tokens browsers use for
 * card numbers, security codes and one-time codes (https://html.spec.whatwg.org/#autofill-field).
 */
// One literal, not an array joined at import: a call at module level would ride along in every bundle.
const SECRET_INPUTS =
  'input[type="password"], input[autocomplete~="current-password"], input[autocomplete~="new-password"], ' +
  'input[autocomplete~="one-time-code"], input[autocomplete~="cc-number"], input[autocomplete~="cc-csc"]';

/** The names, ids and current values of the secret inputs inside `root`, for `useDraft` to leave out. */
export function readSecretInputs(root: ParentNode | null | undefined): { names: string[]; values: string[] } {
  const names: string[] = [];
  const values: string[] = [];
  for (const input of root?.querySelectorAll<HTMLInputElement>(SECRET_INPUTS) ?? []) {
    if (input.name) names.push(input.name);
    if (input.id) names.push(input.id);
    if (input.value) values.push(input.value);
  }
  return { names, values };
}
