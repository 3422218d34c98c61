// Issue 10: a component-level fallback whose retries ran out showed no button at all; the user must always
// have a way out. Checked with axe in real Chromium, as the other fallbacks are.
import { render, screen } from '@testing-library/react';
import { ComponentBoundary, createResilience, ResilienceProvider } from 'bulwark';
import type { ReactNode } from 'react';
import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../helpers/axe-violations';

function Crash(): ReactNode {
  throw new Error('avatar data was malformed');
}

describe('a component-level fallback whose retries ran out', () => {
  it('offers Reload page in place of Retry, and axe finds no violations', async () => {
    // React reports each caught error on the console; this test is about the fallback, not the report.
    const original = console.error;
    console.error = () => {};
    try {
      const { container } = render(
        <ResilienceProvider resilience={createResilience()} globalHandlers={false} presenters={false}>
          <header style={{ width: 360 }}>
            <ComponentBoundary name="avatar" maxRetries={1}>
              <Crash />
            </ComponentBoundary>
          </header>
        </ResilienceProvider>,
      );
      await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
      const fallback = container.querySelector<HTMLElement>('[data-bulwark="inline-error"]')!;
      expect(fallback.dataset['variant']).toBe('compact');
      expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Reload page']);
      expect(await axeViolations(container)).toEqual([]);
    } finally {
      console.error = original;
    }
  });
});
