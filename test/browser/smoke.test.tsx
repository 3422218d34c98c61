import { render } from '@testing-library/react';
import { expect, it } from 'vitest';

it('renders in real Chromium with showModal support', () => {
  render(<dialog data-testid="d">hi</dialog>);
  expect(typeof HTMLDialogElement.prototype.showModal).toBe('function');
});
