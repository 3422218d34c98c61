import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  AppError,
  ComponentBoundary,
  createResilience,
  FeatureBoundary,
  PageBoundary,
  ResilienceProvider,
  type Resilience,
} from 'bulwark';
import type { ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';

/** Fails while rendering, like a component handed bad data. */
function Crash({ error }: { error: unknown }): ReactNode {
  throw error;
}

const meta: Meta = {
  title: 'Boundaries/Level fallbacks',
  loaders: [() => ({ resilience: createResilience() })],
  decorators: [
    (Story, { loaded }) => (
      <ResilienceProvider resilience={loaded['resilience'] as Resilience} globalHandlers={false}>
        <Story />
      </ResilienceProvider>
    ),
  ],
};
export default meta;

/** A page that failed to render is replaced by the full-screen recovery view, focused for keyboard users. */
export const Page: StoryObj = {
  render: () => (
    <PageBoundary name="settings">
      <Crash error={new AppError('Settings failed to render', { kind: 'render' })} />
    </PageBoundary>
  ),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-bulwark="fullscreen-error"]')).not.toBeNull(),
    );
    await expect(canvas.getByRole('heading', { level: 1 })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    // Recorded once the fallback is painted (issue 11).
    const records = () => (loaded['resilience'] as Resilience).store.getState().records;
    await waitFor(() =>
      expect(records()[0]?.context).toMatchObject({ source: 'boundary', level: 'page', name: 'settings' }),
    );
  },
};

/** A feature that failed becomes a card with a way out; the error is captured with the feature's name. */
export const Feature: StoryObj = {
  render: () => (
    <FeatureBoundary name="recommendations">
      <Crash error={new TypeError("Cannot read properties of undefined (reading 'items')")} />
    </FeatureBoundary>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(
        canvasElement.querySelector('[data-bulwark="inline-error"][data-variant="card"]'),
      ).not.toBeNull(),
    );
    await expect(canvas.getByRole('heading', { level: 2 })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  },
};

/** A small widget that failed becomes one compact line in its place: an icon, what failed, Retry. */
export const Component: StoryObj = {
  render: () => (
    <div>
      <span>Signed in as Ada</span>
      <ComponentBoundary name="avatar">
        <Crash error="avatar service returned garbage" />
      </ComponentBoundary>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(
        canvasElement.querySelector('[data-bulwark="inline-error"][data-variant="compact"]'),
      ).not.toBeNull(),
    );
    await expect(canvas.getByText('Signed in as Ada')).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

/** Several fallbacks stacked in one column keep apart from each other. */
export const Stacked: StoryObj = {
  render: () => (
    <div style={{ maxWidth: 480 }}>
      <FeatureBoundary name="chart">
        <Crash error={new Error('Chart data was malformed')} />
      </FeatureBoundary>
      <FeatureBoundary name="table">
        <Crash error={new Error('Table rows were malformed')} />
      </FeatureBoundary>
      <ComponentBoundary name="avatar">
        <Crash error="avatar service returned garbage" />
      </ComponentBoundary>
      <ComponentBoundary name="badge">
        <Crash error="badge count was NaN" />
      </ComponentBoundary>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const boxes = () =>
      [...canvasElement.querySelectorAll<HTMLElement>('[data-bulwark="inline-error"]')].map((b) =>
        b.getBoundingClientRect(),
      );
    await waitFor(() => expect(boxes()).toHaveLength(4));
    const rects = boxes();
    for (let i = 1; i < rects.length; i++)
      await expect(rects[i]!.top - rects[i - 1]!.bottom).toBeGreaterThanOrEqual(4);
  },
};
