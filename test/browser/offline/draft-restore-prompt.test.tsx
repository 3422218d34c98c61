// Two forms whose drafts were stashed in the same millisecond (one `pagehide` saves both).
import { render, screen } from '@testing-library/react';
import { DraftRestorePrompt, type UseDraftResult } from 'bulwark';
import { expect, it } from 'vitest';
import { axeViolations } from '../../helpers/axe-violations';

const offer = (savedAt: number): Pick<UseDraftResult<string>, 'restorable' | 'restore' | 'discard'> => ({
  restorable: { value: 'x', savedAt, source: 'earlier-visit' },
  restore: () => 'x',
  discard: () => undefined,
});

it('labels each of two prompts by its own text when their drafts share a savedAt', async () => {
  const savedAt = Date.now() - 3 * 60_000;
  const { container } = render(
    <>
      <form aria-label="Billing">
        <DraftRestorePrompt draft={offer(savedAt)} />
      </form>
      <form aria-label="Shipping">
        <DraftRestorePrompt draft={offer(savedAt)} now={() => savedAt + 2 * 3_600_000} />
      </form>
    </>,
  );
  const [first, second] = screen.getAllByRole('group');
  expect(first).toHaveAccessibleName('You have unsaved changes from 3 minutes ago.');
  expect(second).toHaveAccessibleName('You have unsaved changes from 2 hours ago.');
  expect(await axeViolations(container)).toEqual([]);
});

it('says when more versions wait, in the group description, and passes axe', async () => {
  const savedAt = Date.now() - 60_000;
  const { container } = render(
    <form aria-label="Post">
      <DraftRestorePrompt
        draft={{
          restorable: { value: 'x', savedAt, source: 'other-version', more: 2 },
          restore: () => 'x',
          discard: () => undefined,
        }}
      />
    </form>,
  );
  const group = screen.getByRole('group');
  expect(group).toHaveAccessibleName(
    'Another unsaved version of this, from 1 minute ago, was kept from another tab.',
  );
  expect(group).toHaveAccessibleDescription('2 more unsaved versions are kept; they are offered next.');
  expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Restore', 'Discard']);
  expect(await axeViolations(container)).toEqual([]);
});
