import { render, screen } from '@testing-library/react';
import {
  AppError,
  createResilience,
  ErrorDetails,
  FullscreenError,
  InlineError,
  RecoveryDialog,
  ResilienceProvider,
  SEVERITIES,
  type Severity,
} from 'bulwark';
import type { ReactElement } from 'react';
import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import axe from 'axe-core';
import { axeViolations as violations } from '../../helpers/axe-violations';

const errorOf = (severity: Severity) => {
  const error = new AppError('Upstream said <b>no</b>', {
    kind: 'server',
    severity,
    status: 503,
    code: 'HTTP_503',
    context: { requestId: 'req-1' },
    actions: ['retry'],
  });
  error.stack = `Error: upstream\n${'    at handler (https://app.test/assets/index.js:1:1)\n'.repeat(40)}`;
  return error;
};
const retry = [{ id: 'retry', run: () => {}, primary: true }] as const;

const check = async (ui: ReactElement) => {
  const { container } = render(ui);
  expect(await violations(container)).toEqual([]);
  return container;
};

describe('axe finds no violations', () => {
  for (const severity of SEVERITIES) {
    it(`InlineError (inline and card) at severity ${severity}`, async () => {
      await check(
        <>
          <InlineError error={errorOf(severity)} actions={retry} />
          <InlineError error={errorOf(severity)} actions={retry} variant="card" interrupt />
        </>,
      );
    });
  }

  it('ErrorDetails collapsed, with details, and with technical details', async () => {
    const container = await check(<ErrorDetails error={errorOf('error')} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show details' }));
    expect(await violations(container)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Technical details' }));
    expect(screen.getByLabelText('Stack trace')).toBeVisible();
    expect(await violations(container)).toEqual([]);
  });

  it('ErrorDetails for developers', async () => {
    await check(<ErrorDetails error={errorOf('critical')} audience="developer" />);
  });

  it('FullscreenError', async () => {
    await check(<FullscreenError error={errorOf('critical')} actions={retry} supportHref="/help" />);
  });

  for (const severity of SEVERITIES) {
    it(`RecoveryDialog open at severity ${severity}`, async () => {
      const container = await check(
        <RecoveryDialog error={errorOf(severity)} actions={retry} onDismiss={() => {}} />,
      );
      expect(container.querySelector('dialog')?.open).toBe(true);
    });
  }

  it('RecoveryToaster with toasts on screen', async () => {
    const resilience = createResilience();
    const { container } = render(
      <ResilienceProvider resilience={resilience} globalHandlers={false}>
        <main>app</main>
      </ResilienceProvider>,
    );
    for (const severity of ['warning', 'error', 'critical'] as const) {
      resilience.capture(new AppError(`toast ${severity}`, { kind: 'network', severity }), {
        presentation: 'toast',
        actions: retry,
      });
    }
    await expect.poll(() => container.querySelectorAll('[data-bulwark="toast"]').length).toBe(3);
    expect(await violations(container)).toEqual([]);
  });

  // CI once failed here: axe ran while sonner's 400 ms fade-in was under way and measured half-transparent text.
  it('a toast halfway through its fade-in fails contrast; the check waits for the fade to end', async () => {
    const resilience = createResilience();
    const { container } = render(
      <ResilienceProvider resilience={resilience} globalHandlers={false}>
        <main>app</main>
      </ResilienceProvider>,
    );
    resilience.capture(new AppError('toast error', { kind: 'network', severity: 'error' }), {
      presentation: 'toast',
      actions: retry,
    });
    await expect.poll(() => document.getAnimations().length).toBeGreaterThan(0);
    for (const animation of document.getAnimations()) {
      animation.pause();
      animation.currentTime = 80;
    }
    const halfway = await axe.run(container);
    expect(halfway.violations.map((v) => v.id)).toContain('color-contrast');
    for (const animation of document.getAnimations()) animation.play();
    expect(await violations(container)).toEqual([]);
  });
});
