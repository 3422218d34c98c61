import { Fragment, useId, type CSSProperties } from 'react';
import type { NetworkStatus } from '../../core/offline/network-status';
import type { OfflineQueue } from '../../core/offline/register-offline-queue';
import { useNetworkStatus } from '../hooks/use-network-status';
import { useOfflineQueue } from '../hooks/use-offline-queue';
import { useOptionalResilience } from '../resilience-context';
import { styles, surfaceFor } from './styles';
import { uiText, useCatalog } from './use-catalog';

/** Props of {@link OfflineBanner}. */
export interface OfflineBannerProps {
  /** @default the nearest `OfflineQueueProvider`'s queue */
  queue?: OfflineQueue;
  /** Where "offline" comes from. @default the shared `networkStatus` */
  network?: NetworkStatus;
  /** Merged over the banner's surface style. @default none */
  style?: CSSProperties;
  /** @default none */
  className?: string;
}

/**
 * Tells the user what happens to their changes: offline (kept on this device), N changes waiting
 * (with "Send now"), sending, paused until they sign in again, and M that could not be sent (each
 * with "Try again" and "Discard"). Text from the catalog (`ui.offlineQueue*`). The text sits in a
 * polite live region that stays in the page, empty when there is nothing to say, so screen readers
 * announce each change; the buttons are outside it so they are not read out on every change. Each dead
 * letter's buttons are named with their request ("Try again POST /api/notes was refused (422)"), so a list of
 * them is not a row of identical "Try again" buttons (WCAG 2.4.6). A button whose action fails (the outbox's
 * storage, a worker that is gone) is captured as a user action on the nearest `ResilienceProvider`, so the
 * user sees why.
 *
 * @example
 * <OfflineQueueProvider queue={outbox}><OfflineBanner /><App /></OfflineQueueProvider>
 */
export function OfflineBanner({ queue, network, style, className }: OfflineBannerProps) {
  const { pending, dead, replaying, paused, replay, retry, discard } = useOfflineQueue(queue);
  const online = useNetworkStatus({ status: network });
  const catalog = useCatalog();
  const resilience = useOptionalResilience();
  const idPrefix = useId();
  const lines: string[] = [];
  if (!online) lines.push(uiText(catalog, 'offlineQueueOffline'));
  if (paused) lines.push(uiText(catalog, 'offlineQueuePaused'));
  else if (replaying && online) lines.push(uiText(catalog, 'offlineQueueSending'));
  if (pending > 0 && !replaying) lines.push(uiText(catalog, 'offlineQueuePending', { count: pending }));
  if (dead.length > 0) lines.push(uiText(catalog, 'offlineQueueDead', { count: dead.length }));
  const visible = lines.length > 0;
  const run = (action: () => Promise<unknown>, userAction: string) => () =>
    void action().catch((error: unknown) => resilience?.capture(error, { source: 'queue', userAction }));
  const deadLetterActions = [
    { name: 'retry', label: 'offlineQueueRetry', act: retry, userAction: 'retry a saved change' },
    { name: 'discard', label: 'offlineQueueDiscard', act: discard, userAction: 'discard a saved change' },
  ] as const;

  return (
    <div
      className={className}
      style={visible ? { ...surfaceFor(dead.length > 0 ? 'warning' : 'info'), ...style } : undefined}
    >
      <div role="status" aria-live="polite">
        {lines.map((line) => (
          <p key={line} style={styles.message}>
            {line}
          </p>
        ))}
      </div>
      {online && pending > 0 && !replaying && !paused ? (
        <div style={styles.actions}>
          <button type="button" style={styles.button} onClick={run(replay, 'send saved changes')}>
            {uiText(catalog, 'offlineQueueRetryNow')}
          </button>
        </div>
      ) : null}
      {dead.length > 0 ? (
        <ul style={styles.muted}>
          {dead.map((letter) => {
            const itemId = `${idPrefix}-${letter.id}`;
            return (
              <li key={letter.id}>
                <span id={itemId}>
                  {uiText(catalog, 'offlineQueueDeadItem', {
                    method: letter.method,
                    url: letter.url,
                    status: letter.status,
                  })}
                </span>
                {deadLetterActions.map(({ name, label, act, userAction }) => (
                  <Fragment key={name}>
                    {' '}
                    <button
                      type="button"
                      id={`${itemId}-${name}`}
                      aria-labelledby={`${itemId}-${name} ${itemId}`}
                      style={styles.button}
                      onClick={run(() => act(letter.id), userAction)}
                    >
                      {uiText(catalog, label)}
                    </button>
                  </Fragment>
                ))}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
