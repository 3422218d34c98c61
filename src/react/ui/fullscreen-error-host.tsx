import { FullscreenError } from './fullscreen-error';
import { usePresented } from './use-presented';

/** Props of {@link FullscreenErrorHost}. */
export interface FullscreenErrorHostProps {
  /** Where "Contact support" links to. */
  supportHref?: string;
  /** @default 200 */
  throttleMs?: number;
}

/**
 * Covers the page with the active fullscreen-level record that no page boundary already shows
 * (a global error that kept recurring, say). Rendered by `<ResilienceProvider>` unless `presenters={false}`.
 */
export function FullscreenErrorHost({ supportHref, throttleMs }: FullscreenErrorHostProps) {
  const { fullscreen } = usePresented(0, throttleMs);
  if (!fullscreen) return null;
  return (
    <div style={{ position: 'fixed', inset: 0, zIndex: 2147483000, overflow: 'auto' }}>
      <FullscreenError
        key={fullscreen.id}
        error={fullscreen.error}
        record={fullscreen}
        actions={fullscreen.context.actions}
        supportHref={supportHref}
      />
    </div>
  );
}
