import axe from 'axe-core';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

const finite = (animation: Animation) =>
  animation.playState === 'running' && animation.effect?.getComputedTiming().endTime !== Infinity;

/**
 * Resolves once no finite CSS transition or animation is running, checked a frame after the last one ended
 * (a toast's mount transition starts a frame after it renders). Gives up after `timeoutMs`.
 */
export async function animationsSettled(timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    await nextFrame();
    await nextFrame();
    const running = document.getAnimations().filter(finite);
    if (running.length === 0 || performance.now() > deadline) return;
    await Promise.allSettled(running.map((animation) => animation.finished));
  }
}

/**
 * axe's violations under `root`, as `rule: target, target`, run once the page's transitions have ended: halfway
 * through sonner's 400 ms fade-in a toast's text is half transparent, and axe measures that contrast, not the
 * toast's.
 */
export async function axeViolations(root: Element = document.body): Promise<string[]> {
  await animationsSettled();
  const result = await axe.run(root);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
