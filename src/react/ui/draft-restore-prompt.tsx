import { useId, type MouseEvent } from 'react';
import type { UseDraftResult } from '../hooks/use-draft';
import { styles } from './styles';
import { uiText, useCatalog } from './use-catalog';
import type { MessageCatalog } from '../../core/errors/catalog';

/** Props of {@link DraftRestorePrompt}. */
export interface DraftRestorePromptProps<T> {
  /** What `useDraft` returned. */
  draft: Pick<UseDraftResult<T>, 'restorable' | 'restore' | 'discard'>;
  /** Called with the restored value (besides `useDraft`'s own `onRestore`). */
  onRestore?: (value: T) => void;
  /** Clock for the "3 minutes ago" text (epoch ms), for stories and tests. @default Date.now */
  now?: () => number;
}

// Literals in ms: esbuild keeps a top-level product it cannot fold in every bundle.
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** "a few seconds ago", "3 minutes ago" … from the catalog, so it can be translated. */
function ageText(catalog: MessageCatalog, ms: number): string {
  const [one, many, unit] =
    ms >= DAY
      ? ['ageDay', 'ageDays', DAY]
      : ms >= HOUR
        ? ['ageHour', 'ageHours', HOUR]
        : ['ageMinute', 'ageMinutes', MINUTE];
  const count = Math.floor(ms / unit);
  if (count < 1) return uiText(catalog, 'ageSeconds');
  return uiText(catalog, count === 1 ? one : many, { count });
}

/**
 * An inline prompt that offers a saved draft: "You have unsaved changes from 3 minutes ago — Restore /
 * Discard", or, when another tab saved a newer draft, "Load the newer version / Keep this version", or
 * another version kept from a tab that closed during such a conflict ("Another unsaved version …").
 * When more drafts wait (`restorable.more`), it says so, and offers them one after another.
 * Renders nothing while there is nothing to offer. A labelled group, not a dialog: it never takes focus
 * on its own; after a choice, focus moves to the first field of the surrounding form. Text comes from the
 * catalog (`ui.draftFound`, `ui.draftRestore` …).
 *
 * @example
 * const draft = useDraft('post:new', form, { onRestore: (saved) => setForm((f) => ({ ...f, ...saved })) });
 * return <form><DraftRestorePrompt draft={draft} />…</form>;
 */
export function DraftRestorePrompt<T>({ draft, onRestore, now = Date.now }: DraftRestorePromptProps<T>) {
  const catalog = useCatalog();
  // Not derived from `savedAt`: one `pagehide` stashes every form's draft in the same millisecond.
  const id = useId();
  const offered = draft.restorable;
  if (!offered) return null;

  const elsewhere = offered.source === 'other-tab';
  const text = uiText(
    catalog,
    elsewhere
      ? 'draftNewerElsewhere'
      : offered.source === 'other-version'
        ? 'draftOtherVersion'
        : 'draftFound',
    { age: ageText(catalog, Math.max(0, now() - offered.savedAt)) },
  );
  const more = offered.more ?? 0;
  // The prompt disappears on a choice: give focus to the form's first field rather than to the page.
  const choose = (event: MouseEvent<HTMLButtonElement>, restore: boolean) => {
    const button = event.currentTarget;
    const field = button
      .closest('form')
      ?.querySelector<HTMLElement>(
        'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled])',
      );
    if (restore) {
      const value = draft.restore();
      if (value !== undefined) onRestore?.(value);
    } else draft.discard();
    // Another draft is offered next in the same place: focus stays on this button for the next choice.
    if (more === 0) field?.focus();
    else button.focus();
  };
  return (
    <div
      role="group"
      aria-labelledby={id}
      aria-describedby={more > 0 ? `${id}-more` : undefined}
      data-bulwark="draft-restore-prompt"
      data-source={offered.source}
      style={{ ...styles.surface, borderLeft: `4px solid ${styles.accent.info}` }}
    >
      <p id={id} style={styles.title}>
        {text}
      </p>
      {more > 0 && (
        <p id={`${id}-more`} style={styles.message}>
          {more === 1
            ? uiText(catalog, 'draftMoreVersion')
            : uiText(catalog, 'draftMoreVersions', { count: more })}
        </p>
      )}
      <div style={styles.actions}>
        <button
          type="button"
          onClick={(event) => choose(event, true)}
          style={{ ...styles.button, ...styles.primaryButton }}
        >
          {uiText(catalog, elsewhere ? 'draftLoadNewer' : 'draftRestore')}
        </button>
        <button type="button" onClick={(event) => choose(event, false)} style={styles.button}>
          {uiText(catalog, elsewhere ? 'draftKeepMine' : 'draftDiscard')}
        </button>
      </div>
    </div>
  );
}
