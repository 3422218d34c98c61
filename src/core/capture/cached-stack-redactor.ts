/** Throw sites remembered: a storm has a handful, an app's whole error history rarely more. */
const MAX_SITES = 64;

/**
 * The first frame line: V8's `    at …`, or Firefox/Safari's `fn@url:line:col`. Blanks are `[ \t]`,
 * not `\s`: `\s*` would run over every following newline from each one (quadratic, issue 9).
 */
const FIRST_FRAME = /\n(?=[ \t]*at |[^\n]*@\S*:\d)/;

/**
 * Redacts stacks with `redactString`, but each distinct run of frames (a throw site) only once: a
 * stack is split into its head (`Name: message`, which differs per error) and its frames, and the
 * redacted frames are kept in a small bounded cache keyed by the raw frames. So the cost of the
 * redactor, however slow it becomes, is paid once per site and not once per capture (issue 11).
 * The head is redacted on every call, as the message is.
 *
 * A match that would span the head and the first frame (a message ending in `token:`) is not made;
 * frames are code locations, redacted for the URLs and ids in them.
 */
export function cachedStackRedactor(redactString: (text: string) => string): (stack: string) => string {
  const sites = new Map<string, string>();
  return (stack) => {
    const at = stack.search(FIRST_FRAME);
    if (at < 0) return redactString(stack);
    const frames = stack.slice(at);
    let clean = sites.get(frames);
    if (clean === undefined) {
      clean = redactString(frames);
      // Oldest out first: a Map iterates in insertion order.
      if (sites.size >= MAX_SITES) sites.delete(sites.keys().next().value as string);
      sites.set(frames, clean);
    }
    return redactString(stack.slice(0, at)) + clean;
  };
}
