import type { Meta, StoryObj } from '@storybook/react-vite';
import { createDraftStore, defaultCatalog, DraftRestorePrompt, useDraft, type DraftStore } from 'bulwark';
import { useRef, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';

const ui = defaultCatalog.ui;
const empty = { subject: '', message: '', password: '' };

/** A contact form that keeps a draft; the saved indicator and the storage notice come from the catalog. */
function ContactForm({ store }: { store: DraftStore }) {
  const [form, setForm] = useState(empty);
  const [sent, setSent] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useDraft('story:contact', form, {
    store,
    form: formRef,
    intervalMs: 500,
    onRestore: (saved) => setForm((current) => ({ ...current, ...saved })),
  });
  const field = (name: keyof typeof empty) => ({
    id: name,
    name,
    value: form[name],
    onChange: (event: { target: { value: string } }) =>
      setForm((f) => ({ ...f, [name]: event.target.value })),
  });
  return (
    <form
      ref={formRef}
      aria-label="Contact us"
      style={{ display: 'grid', gap: 8, maxWidth: '32rem', fontFamily: 'system-ui, sans-serif' }}
      onSubmit={(event) => {
        event.preventDefault();
        setSent(true);
        void draft.clear().then(() => setForm(empty));
      }}
    >
      <DraftRestorePrompt draft={draft} />
      <label htmlFor="subject">Subject</label>
      <input {...field('subject')} />
      <label htmlFor="message">Message</label>
      <textarea rows={4} {...field('message')} />
      <label htmlFor="password">Account password (never kept in the draft)</label>
      <input type="password" autoComplete="current-password" {...field('password')} />
      <p role="status" style={{ margin: 0, color: '#4b5563' }}>
        {draft.status.state === 'saving' ? ui['draftSaving'] : draft.savedAt ? ui['draftSaved'] : ''}
        {draft.status.persistent ? '' : ` ${ui['draftMemoryOnly']}`}
        {sent ? ' Sent.' : ''}
      </p>
      <button type="submit">Send</button>
    </form>
  );
}

const meta: Meta = {
  title: 'Offline/Draft form',
  // A store of its own per story, so stories never see each other's drafts.
  loaders: [() => ({ store: createDraftStore({ name: `story-drafts-${crypto.randomUUID()}` }) })],
  render: (_args, { loaded }) => <ContactForm store={loaded['store'] as DraftStore} />,
};
export default meta;

/** Typing saves a draft within the interval; the indicator says so. */
export const Typing: StoryObj = {
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await userEvent.type(form.getByLabelText('Subject'), 'Invoice 1043');
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent('Draft saved'));
  },
};

/** A draft from 3 minutes ago is offered, never applied without asking; Restore puts it back. */
export const RestorePrompt: StoryObj = {
  loaders: [
    async () => {
      const name = `story-drafts-${crypto.randomUUID()}`;
      const earlier = createDraftStore({ name, now: () => Date.now() - 3 * 60_000 });
      await earlier.save('story:contact', {
        subject: 'Invoice 1043',
        message: 'The total looks wrong because',
      });
      earlier.close();
      return { store: createDraftStore({ name }) };
    },
  ],
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    const prompt = await form.findByRole('group', { name: 'You have unsaved changes from 3 minutes ago.' });
    await expect(form.getByLabelText('Subject')).toHaveValue('');
    await userEvent.click(within(prompt).getByRole('button', { name: 'Restore' }));
    await expect(form.getByLabelText('Subject')).toHaveValue('Invoice 1043');
    await expect(form.getByLabelText('Message')).toHaveValue('The total looks wrong because');
    await expect(form.getByLabelText('Subject')).toHaveFocus();
    await expect(form.queryByRole('group')).toBeNull();
  },
};

/** Discard deletes the earlier draft: it is not offered again. */
export const Discard: StoryObj = {
  loaders: RestorePrompt.loaders,
  play: async ({ canvasElement, loaded }) => {
    const form = within(canvasElement);
    const prompt = await form.findByRole('group');
    await userEvent.click(within(prompt).getByRole('button', { name: 'Discard' }));
    await expect(form.queryByRole('group')).toBeNull();
    await waitFor(async () =>
      expect(await (loaded['store'] as DraftStore).load('story:contact')).toBeUndefined(),
    );
  },
};

/** Where no storage works, the draft lives in memory and the form says it lasts only for this tab. */
export const MemoryOnly: StoryObj = {
  loaders: [
    () => ({ store: createDraftStore({ name: 'story-memory', indexedDB: null, localStorage: null }) }),
  ],
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await userEvent.type(form.getByLabelText('Subject'), 'Hello');
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent(ui['draftMemoryOnly']!));
  },
};
