import { act, render, screen } from '@testing-library/react';
import { AppError, DegradationBanner, ResilienceContext } from 'bulwark';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setup } from './wrapper';

function renderBanner(options: Parameters<typeof setup>[0] = {}) {
  const context = setup(options);
  render(
    <ResilienceContext.Provider value={context.resilience}>
      <DegradationBanner />
    </ResilienceContext.Provider>,
  );
  return context;
}

describe('DegradationBanner', () => {
  it('keeps an empty polite status region at full', () => {
    renderBanner();
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();
  });

  it('says what is off and why when the app sets a level', () => {
    const { resilience } = renderBanner({ degradation: { features: { reduced: ['recommendations'] } } });
    act(() => resilience.degradation.set('reduced', 'We are moving to a new server until 14:00.'));
    const region = screen.getByRole('status');
    expect(region).toHaveTextContent(resilience.catalog.ui.degradedReduced!);
    expect(region).toHaveTextContent('We are moving to a new server until 14:00.');
    expect(screen.getByRole('listitem')).toHaveTextContent('recommendations is not available right now.');
  });

  afterEach(() => vi.useRealTimers());

  it('appears when a breaker opens, using the catalog’s feature names, and goes when it closes', async () => {
    vi.useFakeTimers();
    const { resilience } = renderBanner({
      breakers: { failureThreshold: 1, halfOpenAfterMs: 1000 },
      degradation: { breakerLevels: { core: 'minimal' }, breakerFeatures: { core: ['search'] } },
      catalog: { ui: { 'feature.search': 'Search' } },
    });
    await act(() =>
      resilience
        .breaker('core')
        .execute(() => Promise.reject(new AppError('down', { kind: 'server' })))
        .catch(() => {}),
    );
    expect(screen.getByRole('status')).toHaveTextContent(resilience.catalog.ui.degradedMinimal!);
    expect(screen.getByRole('listitem')).toHaveTextContent('Search is not available right now.');
    act(() => vi.advanceTimersByTime(1000));
    await act(() => resilience.breaker('core').execute(() => 'ok'));
    expect(resilience.breaker('core').getSnapshot().state).toBe('closed');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('uses the offline text when the network goes away', () => {
    const { resilience, network } = renderBanner();
    act(() => network.setOnline(false));
    expect(screen.getByRole('status')).toHaveTextContent(resilience.catalog.ui.degradedOffline!);
  });
});
