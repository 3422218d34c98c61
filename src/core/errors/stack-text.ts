/**
 * Stacks longer than this (in characters) are not read. V8 builds an Error's `stack` on its first
 * read as a rope around the message, and the first read of any character of that rope copies the
 * whole string: about 3 ms a megabyte, 30 ms for an Error with a 10 MB message (issue 9). Only such a
 * message makes a stack this long (ten frames take about 1,000 characters), and the message itself is
 * read apart. Decision: past this length the frames are lost rather than the time (1.5 ms at most).
 */
export const MAX_STACK_READ = 500_000;

/**
 * A stack value as it may be read: a string up to MAX_STACK_READ characters as it is, a longer one as
 * a note of its length (its length is known without reading it), anything else as it is.
 */
export function stackText(stack: unknown): unknown {
  return typeof stack === 'string' && stack.length > MAX_STACK_READ
    ? `[stack of ${stack.length} characters, not read]`
    : stack;
}
