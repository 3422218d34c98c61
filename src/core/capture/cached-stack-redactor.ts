import type { StackMessage } from '../errors/normalize';
import { notScanned } from '../errors/redaction/work-budget';

/** How `[not scanned: N chars]` starts. */
const NOT_SCANNED = notScanned(0).slice(0, notScanned(0).indexOf('0'));

/** Throw sites remembered: a storm has a handful, an app's whole error history rarely more. */
const MAX_SITES = 64;

/**
 * The first frame line: V8's `    at …`, or Firefox/Safari's `fn@url:line:col`. Blanks are `[ \t]`,
 * not `\s`: `\s*` would run over every following newline from each one (quadratic, issue 9).
 */
const FIRST_FRAME = /\n(?=[ \t]*at |[^\n]*@\S*:\d)/;

/**
 * Where `FIRST_FRAME` matches: for a one-line head followed by V8's `    at `, found by the engine's plain
 * search (a RegExp `search` makes a match array per new error, issue 11, tenth session). Exported for its test.
 */
export const firstFrame = (stack: string): number => {
  const v8 = stack.indexOf('\n    at ');
  return v8 >= 0 && stack.lastIndexOf('\n', v8 - 1) < 0 ? v8 : stack.search(FIRST_FRAME);
};

/**
 * Names whose `Name: ` before a message changes no redaction: the head of such a stack redacts as
 * `Name: ` and the message redacted alone (checked over the redaction corpora in the tests).
 */
const PLAIN_NAMES = /^(?:App|Eval|Range|Reference|Syntax|Type|URI|Aggregate)?Error$/;

/**
 * The redacted head of a stack whose head is `Name: message` with a plain name: the message already
 * redacted, not redacted a second time (it was half of a new error's capture, issue 11). `undefined`
 * otherwise, or when the redacted message was cut (`…`).
 */
const knownHead = (head: string, { name, raw, clean }: StackMessage): string | undefined =>
  name !== undefined &&
  PLAIN_NAMES.test(name) &&
  !clean.endsWith('…') &&
  head.length === name.length + 2 + raw.length &&
  head === `${name}: ${raw}`
    ? `${name}: ${clean}`
    : undefined;

/**
 * Redacts stacks with `redactString`, but each distinct run of frames (a throw site) only once: a
 * stack is split into its head (`Name: message`, which differs per error) and its frames, and the
 * redacted frames are kept in a small bounded cache keyed by the raw frames. So the cost of the
 * redactor, however slow it becomes, is paid once per site and not once per capture (issue 11).
 * The head is redacted on every call, as the message is, unless it is `Name: message` and `message`
 * gives that message already redacted (see `knownHead`).
 *
 * A match that would span the head and the first frame (a message ending in `token:`) is not made;
 * frames are code locations, redacted for the URLs and ids in them.
 */
export function cachedStackRedactor(
  redactString: (text: string) => string,
): (stack: string, message?: StackMessage) => string {
  const sites = new Map<string, string>();
  // The site met last, and its redacted frames while it is in `sites`: comparing a new error's frames with
  // them costs a tenth of hashing them for the Map (issue 11), and a storm has one site at a time.
  let lastFrames: string | undefined;
  let lastClean = '';
  const redactHead = (head: string, message: StackMessage | undefined): string =>
    (message && knownHead(head, message)) ?? redactString(head);
  return (stack, message) => {
    const at = firstFrame(stack);
    if (at < 0) return redactString(stack);
    const frames = stack.slice(at);
    let clean = frames === lastFrames ? lastClean : sites.get(frames);
    if (clean === undefined) {
      clean = redactString(frames);
      // Frames the call's work budget left unscanned are not their redaction: a later capture with budget
      // to spare scans them (session 8).
      if (clean.startsWith(NOT_SCANNED)) return redactHead(stack.slice(0, at), message) + clean;
      // Oldest out first: a Map iterates in insertion order.
      if (sites.size >= MAX_SITES) {
        const oldest = sites.keys().next().value as string;
        sites.delete(oldest);
        if (oldest === lastFrames) lastFrames = undefined;
      }
      sites.set(frames, clean);
    }
    lastFrames = frames;
    lastClean = clean;
    return redactHead(stack.slice(0, at), message) + clean;
  };
}
