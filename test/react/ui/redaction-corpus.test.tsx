import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { createResilience, InlineError, RecoveryToaster, ResilienceProvider } from 'bulwark';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureThroughCore, PLACES, plant, survivors } from '../../core/errors/corpus/plant';
import { plantedSecrets } from '../../core/errors/corpus/secrets';

let copied: string[] = [];
beforeEach(() => {
  copied = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const placed = plantedSecrets.map((secret, i) => {
  const place = PLACES[i % PLACES.length] as (typeof PLACES)[number];
  return { secret, place, planted: plant(secret, place, i) };
});

// Hundreds of renders on a busy 2-core machine: generous time (no timing is asserted).
describe('redaction corpus through the UI (issue 9)', { timeout: 120_000 }, () => {
  it('lets 0 planted secrets survive on the ErrorDetails screen, in its copy text and in InlineError', async () => {
    const leaks: string[] = [];
    for (const { secret, place, planted } of placed) {
      const { resilience } = captureThroughCore(...planted);
      const record = resilience.store.getState().records[0];
      if (!record) throw new Error('nothing stored');
      // InlineError renders ErrorDetails (message, stack, rows, copy button) plus the field errors.
      const { container } = render(<InlineError error={record.error} record={record} audience="developer" />);
      // Plain DOM queries: role queries cost ~100 ms each in jsdom, times 252.
      for (const button of container.querySelectorAll('button'))
        if (button.textContent === 'Copy details') fireEvent.click(button);
      await act(async () => {});
      expect(copied).toHaveLength(1);
      const texts = [container.textContent ?? '', container.innerHTML, ...copied];
      for (const needle of survivors(secret, texts)) leaks.push(`${secret.kind} in ${place}: ${needle}`);
      cleanup();
      copied = [];
    }
    expect(leaks).toEqual([]);
  });

  it('lets 0 planted secrets survive in toasts', async () => {
    vi.useFakeTimers();
    // In screenfuls of 40: hundreds of sonner toasts at once make React 18 warn of nested updates.
    const leaks: string[] = [];
    let shown = 0;
    for (let from = 0; from < placed.length; from += 40) {
      const chunk = placed.slice(from, from + 40);
      const resilience = createResilience({ store: { historyLimit: 1000 } });
      render(
        <ResilienceProvider resilience={resilience} globalHandlers={false} presenters={false}>
          <RecoveryToaster maxToasts={40} />
        </ResilienceProvider>,
      );
      act(() => {
        for (const { planted } of chunk)
          resilience.capture(planted[0], { ...planted[1], presentation: 'toast' });
        resilience.flush();
      });
      // The throttled presenters, React's effects, then sonner's own timer.
      for (let round = 0; round < 3; round++) await act(() => vi.advanceTimersByTime(400));
      shown += document.querySelectorAll('[data-bulwark="toast"]').length;
      const texts = [document.body.innerHTML];
      for (const { secret, place } of chunk)
        for (const needle of survivors(secret, texts)) leaks.push(`${secret.kind} in ${place}: ${needle}`);
      cleanup();
    }
    expect(shown).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
  });
});
