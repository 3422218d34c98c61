// Issue 10: a 1,000-character unbroken message or stack overflowed its box by thousands of pixels.
// Measured in real Chromium: nothing inside a component may be wider than the component itself.
import { render } from '@testing-library/react';
import { AppError, ErrorDetails, FullscreenError, InlineError } from 'bulwark';
import { afterEach, describe, expect, it } from 'vitest';

const unbroken = 'x'.repeat(1000);
const longError = () => {
  const error = new AppError(`Token ${unbroken} was rejected`, {
    kind: 'server',
    code: `CODE_${'Y'.repeat(300)}`,
    context: { requestId: `req-${'z'.repeat(400)}` },
  });
  error.stack = `AppError: ${unbroken}\n    at ${'frame'.repeat(200)} (https://app.example/${'a'.repeat(500)}.js:1:1)`;
  return error;
};

/** The widest overflow of any element past the right edge of `root`, in px (0 when all fits). */
function overflowPast(root: HTMLElement): number {
  const right = root.getBoundingClientRect().right;
  let worst = root.scrollWidth - root.clientWidth;
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    // A box that scrolls its own content (the stack) is fine; its own edge must still fit.
    worst = Math.max(worst, element.getBoundingClientRect().right - right);
  }
  return worst;
}

const widthOfPage = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;

afterEach(() => {
  document.body.style.width = '';
});

describe('long unbroken text stays inside its box', () => {
  it('InlineError (inline and card) wraps a 1,000-character message', () => {
    const { container } = render(
      <div style={{ width: 320 }}>
        <InlineError error={longError()} audience="developer" />
        <InlineError error={longError()} audience="developer" variant="card" />
      </div>,
    );
    for (const box of container.querySelectorAll<HTMLElement>('[data-bulwark="inline-error"]')) {
      expect(box.getBoundingClientRect().width).toBeLessThanOrEqual(320);
      expect(overflowPast(box)).toBeLessThanOrEqual(1);
    }
    expect(widthOfPage()).toBe(0);
  });

  it('ErrorDetails wraps the message, code and request id, and scrolls the stack inside its own box', () => {
    const { container, getByLabelText } = render(
      <div style={{ width: 300 }} data-testid="box">
        <ErrorDetails error={longError()} audience="developer" />
      </div>,
    );
    const box = container.querySelector<HTMLElement>('[data-testid="box"]')!;
    expect(overflowPast(box)).toBeLessThanOrEqual(1);
    const stack = getByLabelText('Stack trace');
    expect(stack.scrollWidth).toBeGreaterThan(stack.clientWidth); // it scrolls…
    expect(stack.getBoundingClientRect().width).toBeLessThanOrEqual(300); // …inside the box
    expect(widthOfPage()).toBe(0);
  });

  it('FullscreenError keeps everything inside the viewport', () => {
    const { container } = render(<FullscreenError error={longError()} audience="developer" />);
    const view = container.querySelector<HTMLElement>('[data-bulwark="fullscreen-error"]')!;
    expect(overflowPast(view)).toBeLessThanOrEqual(1);
    expect(view.getBoundingClientRect().width).toBeLessThanOrEqual(window.innerWidth);
    expect(widthOfPage()).toBe(0);
  });
});
