/**
 * Whether the word after `Bearer` is an auth-param (`resource_metadata="…"`, `error="invalid_token"`,
 * `expires_in=3600`), not a token (break-it pass 2, F3): RFC 6750's b64token may end in `=` only as
 * padding, so a word ending in `=` with a value right after it (a quote or a token character, no
 * space) is `name=value`, as in a `WWW-Authenticate: Bearer resource_metadata="…"` challenge (RFC
 * 9728, the MCP authorization spec) or `token_type=bearer expires_in=3600`.
 */
export function isAuthParam(match: RegExpExecArray, secret: string): boolean {
  if (!/^[A-Za-z_][\w.-]*=$/.test(secret)) return false;
  const next = match.input.charAt(match.index + match[0].length);
  return next !== '' && !/[\s,;]/.test(next);
}
