// @vitest-environment node
import {
  AppError,
  createResilience,
  ErrorDetails,
  FullscreenError,
  InlineError,
  ResilienceProvider,
} from 'bulwark';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';

it('renders the provider and the recovery UI on a server, with no window', () => {
  expect(typeof window).toBe('undefined');
  const resilience = createResilience();
  const error = new AppError('x', { kind: 'server' });
  const html = renderToString(
    <ResilienceProvider resilience={resilience}>
      <InlineError error={error} />
      <ErrorDetails error={error} />
      <FullscreenError error={error} />
    </ResilienceProvider>,
  );
  expect(html).toContain('Something went wrong on our side');
});
