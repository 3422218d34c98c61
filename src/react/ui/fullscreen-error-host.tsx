import { useEffect, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { ErrorRecord } from '../../core/types';
import { FullscreenError } from './fullscreen-error';
import { entryFor, useCatalog } from './use-catalog';
import { usePresented } from './use-presented';
import { useSolePresenter } from './use-sole-presenter';

/** Props of {@link FullscreenErrorHost}. */
export interface FullscreenErrorHostProps {
  /** Where "Contact support" links to. */
  supportHref?: string;
  /** @default 200 */
  throttleMs?: number;
}

/**
 * Covers the page with the active fullscreen-level record that no page boundary already shows
 * (a global error that kept recurring, say), in a native modal `<dialog>`: the page behind is inert,
 * so neither Tab nor a screen reader's virtual cursor can wander into a page that no longer works.
 * Rendered by `<ResilienceProvider>` unless `presenters={false}`. One per instance shows (see `RecoveryToaster`).
 */
export function FullscreenErrorHost({ supportHref, throttleMs }: FullscreenErrorHostProps) {
  const sole = useSolePresenter('FullscreenErrorHost');
  const { fullscreen } = usePresented(0, throttleMs);
  if (!fullscreen || !sole) return null;
  return <FullscreenModal key={fullscreen.id} record={fullscreen} supportHref={supportHref} />;
}

const cover = {
  position: 'fixed',
  inset: 0,
  width: '100vw',
  height: '100vh',
  maxWidth: 'none',
  maxHeight: 'none',
  margin: 0,
  padding: 0,
  border: 'none',
  overflow: 'auto',
} as const;

// The way out is one of the offered actions (reload, go home), not Escape into a broken page.
const keepOpen = (event: SyntheticEvent) => event.preventDefault();
const keepOpenOnEscape = (event: KeyboardEvent) => {
  if (event.key === 'Escape') event.preventDefault();
};

function FullscreenModal({ record, supportHref }: { record: ErrorRecord; supportHref: string | undefined }) {
  const catalog = useCatalog();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    // jsdom has no showModal: a plain open dialog there.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={entryFor(catalog, record.error).title}
      data-bulwark="fullscreen-host"
      onCancel={keepOpen}
      onKeyDown={keepOpenOnEscape}
      style={cover}
    >
      <FullscreenError
        error={record.error}
        record={record}
        actions={record.context.actions}
        supportHref={supportHref}
      />
    </dialog>
  );
}
