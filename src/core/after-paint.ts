/**
 * How long, in ms, work waiting for the next paint waits at most: a hidden tab renders no frames, so its
 * `requestAnimationFrame` callbacks never run.
 */
export const AFTER_PAINT_TIMEOUT_MS = 100;

type FrameScheduler = { requestAnimationFrame?: (callback: () => void) => unknown };

/**
 * Runs `task` once, after the browser has painted the next frame: in a task posted from that frame's
 * `requestAnimationFrame` callback (which runs after the frame's paint), or after
 * {@link AFTER_PAINT_TIMEOUT_MS} when no frame comes (a hidden tab). Where there are no frames (Node, a
 * service worker) it runs in the next task. Touches no global until called (SSR and workers import core).
 */
export function afterPaint(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  const frames = globalThis as FrameScheduler;
  if (typeof frames.requestAnimationFrame !== 'function') {
    setTimeout(run, 0);
    return;
  }
  frames.requestAnimationFrame(() => void setTimeout(run, 0));
  setTimeout(run, AFTER_PAINT_TIMEOUT_MS);
}
