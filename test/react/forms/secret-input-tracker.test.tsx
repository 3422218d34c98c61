import { act, render, renderHook } from '@testing-library/react';
import { createDraftStore, useDraft } from 'bulwark';
import { expect, it } from 'vitest';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function Form({ children }: { children: React.ReactNode }) {
  return <form>{children}</form>;
}

it.each([
  [
    'a password shown with an eye toggle before anything was typed',
    <input key="p" name="confirm" type="password" />,
    'text',
  ],
  ['a field marked autocomplete="cc-exp"', <input key="e" name="expires" autoComplete="cc-exp" />, undefined],
  [
    'a field marked autocomplete="cc-name"',
    <input key="n" name="holder" autoComplete="billing cc-name" />,
    undefined,
  ],
  [
    'a field marked autocomplete="one-time-code"',
    <input key="o" name="sent" autoComplete="one-time-code" />,
    undefined,
  ],
  [
    'a select marked autocomplete="cc-exp-month"',
    <select key="m" name="month" autoComplete="cc-exp-month" defaultValue="07">
      <option value="07">07</option>
    </select>,
    undefined,
  ],
])('leaves out %s (F12)', async (_label, field, toggleTo) => {
  const store = createDraftStore({ indexedDB: null, localStorage: null });
  const name = field.props.name as string;
  const { rerender, unmount } = renderHook(
    ({ value }: { value: Record<string, string> }) => useDraft('account', value, { store, intervalMs: 10 }),
    { initialProps: { value: { title: '', [name]: '' } } },
  );
  // The field appears after the hook mounted (a wizard's next step), so only watching the form sees it.
  const view = render(<Form>{field}</Form>);
  const input = view.container.querySelector<HTMLInputElement>('input, select')!;
  // The eye toggle switches the type first; the user types into what is now a text field.
  if (toggleTo) input.type = toggleTo;
  if (input instanceof HTMLInputElement) input.value = 'secret-4242';
  rerender({ value: { title: 'Account', [name]: input.value } });
  await act(() => sleep(100));
  const saved = await store.load<Record<string, string>>('account');
  expect(saved?.value).toEqual({ title: 'Account' });
  unmount();
  view.unmount();
});
