import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { createFaultyFetch } from 'bulwark/testing';
import { expect, userEvent, waitFor, within } from 'storybook/test';

/** Each click sends one request through a scripted faulty fetch and lists what came back. */
function FaultyFetchDemo() {
  const [fetchOnce] = useState(() =>
    createFaultyFetch({ script: [{ status: 503, headers: { 'retry-after': '1' } }, 'network-error'] }),
  );
  const [outcomes, setOutcomes] = useState<string[]>([]);
  const send = () => {
    fetchOnce('/api/items').then(
      (response) => setOutcomes((list) => [...list, `HTTP ${response.status}`]),
      (error: unknown) => setOutcomes((list) => [...list, String(error)]),
    );
  };
  return (
    <div>
      <button type="button" onClick={send}>
        Send request
      </button>
      <ol aria-label="Outcomes">
        {outcomes.map((outcome, index) => (
          <li key={index}>{outcome}</li>
        ))}
      </ol>
    </div>
  );
}

const meta: Meta<typeof FaultyFetchDemo> = { title: 'Testing/Faulty fetch', component: FaultyFetchDemo };
export default meta;

export const PlaysItsScript: StoryObj<typeof FaultyFetchDemo> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Send request' });
    for (let i = 0; i < 3; i++) await userEvent.click(button);
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(3));
    const items = canvas.getAllByRole('listitem');
    await expect(items.map((item) => item.textContent)).toEqual([
      'HTTP 503',
      'TypeError: Failed to fetch',
      'HTTP 200',
    ]);
  },
};
