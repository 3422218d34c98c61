import { useEffect, useId, useRef } from 'react';
import { toast, Toaster, type ToasterProps } from 'sonner';
import { keepShownToasts } from '../../core/store/selectors';
import type { ErrorRecord } from '../../core/types';
import { useResilience } from '../resilience-context';
import { styles } from './styles';
import { ToastContent } from './toast-content';
import { entryFor, uiText, useCatalog } from './use-catalog';
import { usePresented } from './use-presented';
import { readRecords } from './read-record';
import { useSolePresenter } from './use-sole-presenter';
import { warmToastLayout } from './warm-toast-layout';
import { whenIdle } from './when-idle';

/** Props of {@link RecoveryToaster}. */
export interface RecoveryToasterProps {
  /** Toasts on screen at once; the rest wait for a free slot. @default 3 */
  maxToasts?: number;
  /** How long a toast without actions stays, in ms. Toasts with actions stay until dismissed (WCAG 2.2.1). @default 10_000 */
  duration?: number;
  /** Store changes are coalesced into one update per this many ms. @default 200 */
  throttleMs?: number;
  /** @default 'bottom-right' */
  position?: ToasterProps['position'];
}

/**
 * Mounts sonner's `<Toaster>` and feeds it toast-level records, coalesced before sonner sees them:
 * one toast per fingerprint (sonner `id`), updated in place ("3 times"), at most `maxToasts` (a
 * shown toast stays; newer ones wait for a free slot), and
 * none while a dialog or fullscreen error is up (they wait, they are not lost). Critical errors are
 * also announced in an assertive live region (sonner's region is polite only). One toaster per
 * instance shows toasts: a second one for the same instance renders nothing (the app's own wins
 * over the provider's; a one-time console warning in development). Once the page is idle after it mounts, it
 * lays out a hidden copy of a toast (once per document, gone in the same task), so the first real toast does not
 * pay the cold layout in the middle of an error storm.
 *
 * @example
 * <ResilienceProvider resilience={resilience} presenters={false}>
 *   <App />
 *   <RecoveryToaster maxToasts={2} position="top-center" />
 * </ResilienceProvider>
 */
export function RecoveryToaster(props: RecoveryToasterProps) {
  return useSolePresenter('RecoveryToaster') ? <ToasterFeed {...props} /> : null;
}

function ToasterFeed({
  maxToasts = 3,
  duration = 10_000,
  throttleMs,
  position = 'bottom-right',
}: RecoveryToasterProps) {
  const resilience = useResilience();
  const catalog = useCatalog();
  const toasterId = useId();
  const { toasts: waiting } = usePresented(Number.POSITIVE_INFINITY, throttleMs);
  /** Toasts on screen by fingerprint, with the sonner id each was shown under. */
  const shown = useRef(new Map<string, { record: ErrorRecord; id: string }>());
  const showings = useRef(0);

  useEffect(() => {
    // A toast on screen stays until the user dismisses it, even when a storm pushes its record out of
    // the bounded history (a cleared store takes its toasts with it).
    const inStore = new Set(readRecords(resilience.store.getState().records).map((r) => r.fingerprint));
    const evicted =
      inStore.size === 0
        ? []
        : [...shown.current.values()].map((s) => s.record).filter((r) => !inStore.has(r.fingerprint));
    const toasts = keepShownToasts([...evicted, ...waiting], new Set(shown.current.keys()), maxToasts);
    const next = new Map<string, { record: ErrorRecord; id: string }>();
    for (const record of toasts) {
      const current = shown.current.get(record.fingerprint);
      // A new showing gets a new sonner id: reusing the id of a toast still leaving the screen (dismissed
      // a moment ago) would merge into it and go with it, so the recurrence would never show.
      const id = current?.id ?? `${toasterId}:${record.fingerprint}:${++showings.current}`;
      next.set(record.fingerprint, { record, id });
      if (current?.record === record) continue;
      const dismiss = () => {
        if (shown.current.get(record.fingerprint)?.id === id) shown.current.delete(record.fingerprint);
        toast.dismiss(id);
        resilience.dismiss(record.id);
      };
      const hasActions =
        (record.context.actions?.length ?? 0) > 0 || record.error.actions.some((a) => a !== 'dismiss');
      toast.custom(() => <ToastContent record={record} onDismiss={dismiss} />, {
        id,
        toasterId,
        duration: hasActions ? Infinity : duration,
        onAutoClose: dismiss,
        unstyled: true,
      });
    }
    for (const [fingerprint, { id }] of shown.current) if (!next.has(fingerprint)) toast.dismiss(id);
    // In place: the unmount cleanup below holds this map.
    shown.current.clear();
    for (const [fingerprint, entry] of next) shown.current.set(fingerprint, entry);
  }, [waiting, maxToasts, toasterId, duration, resilience]);

  useEffect(() => {
    // Once the page is idle, not at the first toast, which may come in the middle of an error storm.
    const warm = () =>
      warmToastLayout(document, {
        title: catalog.messages.unknown.title,
        message: catalog.messages.unknown.message,
        occurrences: uiText(catalog, 'occurrences', { count: 3 }),
        actions: [catalog.actions.retry, catalog.actions.dismiss],
      });
    return whenIdle(warm);
  }, [catalog]);

  useEffect(() => {
    const current = shown.current;
    return () => {
      for (const { id } of current.values()) toast.dismiss(id);
      current.clear();
    };
  }, [toasterId]);

  const urgent = waiting.find((r) => r.error.severity === 'critical');
  const announcement = urgent
    ? `${entryFor(catalog, urgent.error).title}. ${entryFor(catalog, urgent.error).message}`
    : '';
  return (
    <>
      <Toaster
        id={toasterId}
        position={position}
        visibleToasts={maxToasts}
        // At most three: show them side by side rather than stacked behind each other.
        expand
        containerAriaLabel={uiText(catalog, 'notifications')}
      />
      {/* role="alert" is an assertive live region: sonner's own region is polite only. */}
      <div role="alert" aria-atomic="true" style={styles.visuallyHidden}>
        {announcement}
      </div>
    </>
  );
}
