import { render } from '@testing-library/react';
import {
  AppError,
  BoundaryFallbacksContext,
  createResilience,
  ResilienceProvider,
  type Resilience,
} from 'bulwark';
import { useContext } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const throwGlobally = (message: string) =>
  window.dispatchEvent(new ErrorEvent('error', { error: new Error(message), message, cancelable: true }));
// The test dispatches real window errors: keep the test runner from counting them as its own failures.
const quiet = (event: Event) => event.preventDefault();
beforeEach(() => window.addEventListener('error', quiet, { capture: true }));
afterEach(() => window.removeEventListener('error', quiet, { capture: true }));
/** The global handlers capture on the next task, after boundaries had their chance. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const messages = (resilience: Resilience) => resilience.store.getState().records.map((r) => r.error.message);

describe('ResilienceProvider', () => {
  it('gives each boundary level its default fallback', () => {
    const error = new AppError('x', { kind: 'render' });
    function Fallbacks() {
      const fallbacks = useContext(BoundaryFallbacksContext);
      return (
        <>
          {(['page', 'feature', 'component'] as const).map((level) => {
            const Fallback = fallbacks[level]!;
            return <Fallback key={level} error={error} level={level} actions={[]} />;
          })}
        </>
      );
    }
    const { container } = render(
      <ResilienceProvider resilience={createResilience()} globalHandlers={false}>
        <Fallbacks />
      </ResilienceProvider>,
    );
    const shown = [...container.querySelectorAll('[data-bulwark]')].map(
      (el) =>
        `${el.getAttribute('data-bulwark')}${el.getAttribute('data-variant') ? `:${el.getAttribute('data-variant')}` : ''}`,
    );
    expect(shown).toEqual(['fullscreen-error', 'inline-error:card', 'inline-error:compact']);
  });

  it('captures uncaught errors while mounted, and stops after unmount', async () => {
    const resilience = createResilience();
    const { unmount } = render(<ResilienceProvider resilience={resilience} presenters={false} />);
    throwGlobally('while mounted');
    await nextTask();
    unmount();
    throwGlobally('after unmount');
    await nextTask();
    expect(messages(resilience)).toEqual(['while mounted']);
  });

  it('leaves global errors alone with globalHandlers={false}', async () => {
    const resilience = createResilience();
    render(<ResilienceProvider resilience={resilience} globalHandlers={false} presenters={false} />);
    throwGlobally('ignored');
    await nextTask();
    expect(messages(resilience)).toEqual([]);
  });

  it('renders the presenters unless presenters={false}', () => {
    const { container, rerender } = render(
      <ResilienceProvider resilience={createResilience()} globalHandlers={false} />,
    );
    expect(container.querySelector('section[aria-label]')).not.toBeNull();
    rerender(
      <ResilienceProvider resilience={createResilience()} globalHandlers={false} presenters={false} />,
    );
    expect(container.querySelector('section[aria-label]')).toBeNull();
  });
});
