// Issue 10: a component-level fallback (an avatar) rendered the same heavy card as a feature, and stacked
// fallbacks touched each other. Measured in real Chromium.
import { render, screen } from '@testing-library/react';
import { ComponentBoundary, createResilience, FeatureBoundary, ResilienceProvider } from 'bulwark';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';

function Crash(): ReactNode {
  throw new Error('widget data was malformed');
}
/** Renders `children` under a provider (no presenters), with React's report of each caught error silenced. */
function renderFallbacks(children: ReactNode) {
  const original = console.error;
  console.error = () => {};
  try {
    render(
      <ResilienceProvider resilience={createResilience()} globalHandlers={false} presenters={false}>
        {children}
      </ResilienceProvider>,
    );
  } finally {
    console.error = original;
  }
}

describe('level fallbacks in the page', () => {
  it('renders a component-level fallback compactly: one line with an icon and Retry', () => {
    renderFallbacks(
      <header style={{ width: 360 }}>
        <ComponentBoundary name="avatar">
          <Crash />
        </ComponentBoundary>
      </header>,
    );
    const fallback = document.querySelector<HTMLElement>('[data-bulwark="inline-error"]')!;
    expect(fallback.dataset['variant']).toBe('compact');
    expect(fallback.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Retry']);
    // One line: no taller than a button plus its padding, unlike the card with its details and actions.
    expect(fallback.getBoundingClientRect().height).toBeLessThan(48);
  });

  it('keeps stacked fallbacks apart', () => {
    renderFallbacks(
      <div style={{ width: 360 }}>
        <FeatureBoundary name="chart">
          <Crash />
        </FeatureBoundary>
        <FeatureBoundary name="table">
          <Crash />
        </FeatureBoundary>
        <ComponentBoundary name="avatar">
          <Crash />
        </ComponentBoundary>
        <ComponentBoundary name="badge">
          <Crash />
        </ComponentBoundary>
      </div>,
    );
    const boxes = [...document.querySelectorAll<HTMLElement>('[data-bulwark="inline-error"]')].map((b) =>
      b.getBoundingClientRect(),
    );
    expect(boxes).toHaveLength(4);
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.top - boxes[i - 1]!.bottom).toBeGreaterThanOrEqual(4);
    expect(boxes[1]!.top - boxes[0]!.bottom).toBeGreaterThanOrEqual(8);
  });
});
