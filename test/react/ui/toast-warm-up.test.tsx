// The toaster lays out a hidden copy of a toast once the page is idle, so the first real toast (which may come
// in an error storm) does not pay the cold layout (issue 11). A file of its own: warming is once per document.
import { render, waitFor } from '@testing-library/react';
import { createResilience, ResilienceProvider } from 'bulwark';
import { describe, expect, it } from 'vitest';

/** Elements added to the body, kept after they are removed. */
function watchBody() {
  const added: HTMLElement[] = [];
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations)
      for (const node of m.addedNodes) if (node instanceof HTMLElement) added.push(node);
  });
  observer.observe(document.body, { childList: true });
  return { added, stop: () => observer.disconnect() };
}

const provider = () => (
  <ResilienceProvider resilience={createResilience()} globalHandlers={false}>
    <p>app</p>
  </ResilienceProvider>
);
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('toast layout warm-up', () => {
  it('waits for the page to be idle: a toaster unmounted before then warms nothing', async () => {
    const watch = watchBody();
    const { unmount } = render(provider());
    unmount();
    await nextTask();
    await nextTask();
    watch.stop();
    expect(watch.added.filter((el) => el.hasAttribute('inert'))).toEqual([]);
  });

  it('lays out a hidden, inert copy of a toast with the catalog text once idle, and removes it at once', async () => {
    const watch = watchBody();
    render(provider());
    await waitFor(() => expect(watch.added.some((el) => el.hasAttribute('inert'))).toBe(true));
    watch.stop();
    const warm = watch.added.find((el) => el.hasAttribute('inert'))!;
    expect(warm.getAttribute('aria-hidden')).toBe('true');
    expect(warm.textContent).toContain('Something went wrong');
    expect([...warm.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Try again', 'Dismiss']);
    // Gone in the task that added it: never painted, never in the accessibility tree.
    expect(warm.isConnected).toBe(false);
    expect(document.querySelector('[inert]')).toBeNull();
  });

  it('warms once per document: a second toaster lays out nothing more', async () => {
    const watch = watchBody();
    render(provider());
    await nextTask();
    await nextTask();
    watch.stop();
    expect(watch.added.filter((el) => el.hasAttribute('inert'))).toEqual([]);
  });
});
