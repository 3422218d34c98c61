// What bulwark's ErrorBoundary adds on top of react-error-boundary: capture through the one pipeline, the
// classified error and recovery actions in the fallback props, and the default fallback per level.
import { fireEvent, render, screen } from '@testing-library/react';
import {
  BoundaryFallbacksContext,
  ComponentBoundary,
  createResilience,
  ErrorBoundary,
  FeatureBoundary,
  PageBoundary,
  ResilienceContext,
  ResilienceProvider,
  type FallbackProps,
  type LevelFallbackProps,
  type Resilience,
} from 'bulwark';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Bomb } from './helpers';
import { nextPaint } from '../../helpers/next-paint';
import { expectReactRenderError, REACT_18 } from '../../helpers/console-errors';

/** The instance only, without the provider's presenters and global handlers. */
const withResilience = (resilience: Resilience, children: ReactNode) => (
  <ResilienceContext.Provider value={resilience}>{children}</ResilienceContext.Provider>
);

describe('ErrorBoundary with a Resilience instance', () => {
  it('captures the error once with source, level, name, component stack and its actions', async () => {
    const resilience = createResilience();
    const capture = vi.spyOn(resilience, 'capture');
    render(
      withResilience(
        resilience,
        <ErrorBoundary level="feature" name="comments" fallback={<p>fallback</p>}>
          <Bomb />
        </ErrorBoundary>,
      ),
    );
    expect(capture).toHaveBeenCalledTimes(1);
    const context = capture.mock.calls[0]![1]!;
    expect(context).toMatchObject({ source: 'boundary', level: 'feature', name: 'comments' });
    expect(context.componentStack).toContain('Bomb');
    expect(context.actions?.map((a) => a.id)).toEqual(['retry', 'reload', 'go-back']);
    // Recorded once the fallback is painted (issue 11).
    await nextPaint();
    expect(resilience.store.getState().records).toHaveLength(1);
  });

  it('captures with an inline surface, so the fallback is where the error shows (no toast as well)', async () => {
    const resilience = createResilience();
    render(
      withResilience(
        resilience,
        <ErrorBoundary level="feature" fallbackRender={({ error }) => <p>{String(error)}</p>}>
          <Bomb />
        </ErrorBoundary>,
      ),
    );
    await nextPaint();
    const [record] = resilience.store.getState().records;
    expect(record).toMatchObject({ presentation: 'inline', context: { inlineSurface: true } });
  });

  it('counts a FallbackComponent as an inline surface: it is given the error to show', async () => {
    const resilience = createResilience();
    const Shown = ({ error }: FallbackProps) => <p>{String(error)}</p>;
    render(
      withResilience(
        resilience,
        <ErrorBoundary FallbackComponent={Shown}>
          <Bomb />
        </ErrorBoundary>,
      ),
    );
    await nextPaint();
    expect(resilience.store.getState().records[0]?.presentation).toBe('inline');
  });

  it.each([
    ['fallback={null}', { fallback: null }],
    ['a placeholder fallback node', { fallback: <p>Loading…</p> }],
    ['a fallbackRender that ignores the error', { fallbackRender: () => <p>Loading…</p> }],
  ])(
    'shows the first failure as a toast when the fallback does not render the error: %s',
    async (_, props) => {
      const resilience = createResilience();
      render(
        withResilience(
          resilience,
          <ErrorBoundary {...props}>
            <Bomb />
          </ErrorBoundary>,
        ),
      );
      await nextPaint();
      const [record] = resilience.store.getState().records;
      expect({ presentation: record?.presentation, inline: record?.context.inlineSurface }).toEqual({
        presentation: 'toast',
        inline: false,
      });
    },
  );

  it('resolves its record when Try again worked, so the next failure starts gently', async () => {
    const resilience = createResilience();
    let explode = true;
    const Retry = ({ resetErrorBoundary }: FallbackProps) => (
      <button onClick={() => resetErrorBoundary()}>retry</button>
    );
    const tree = (
      <ErrorBoundary level="feature" FallbackComponent={Retry}>
        <Bomb when={() => explode} />
      </ErrorBoundary>
    );
    const { rerender } = render(withResilience(resilience, tree));
    fireEvent.click(screen.getByRole('button', { name: 'retry' }));
    fireEvent.click(screen.getByRole('button', { name: 'retry' }));
    await nextPaint();
    expect(resilience.store.getState().records[0]).toMatchObject({ status: 'active', count: 3 });
    explode = false;
    fireEvent.click(screen.getByRole('button', { name: 'retry' }));
    expect(screen.getByText('ok')).toBeInTheDocument();
    expect(resilience.store.getState().records[0]?.status).toBe('recovered');
    // The next failure is a first occurrence again, not the fourth of a streak.
    explode = true;
    rerender(withResilience(resilience, <div>{tree}</div>));
    await nextPaint();
    expect(resilience.store.getState().records[0]).toMatchObject({
      status: 'active',
      occurrences: [expect.any(Number)],
    });
  });

  it('captures once per catch under StrictMode', async () => {
    const resilience = createResilience();
    const capture = vi.spyOn(resilience, 'capture');
    render(
      <StrictMode>
        {withResilience(
          resilience,
          <ErrorBoundary fallback={<p>fallback</p>}>
            <Bomb error="a thrown string" />
          </ErrorBoundary>,
        )}
      </StrictMode>,
    );
    expect(capture).toHaveBeenCalledTimes(1);
    await nextPaint();
    expect(resilience.store.getState().records[0]!.count).toBe(1);
  });

  it('gives the fallback the classified AppError and actions whose retry resets the boundary', () => {
    const resilience = createResilience();
    let explode = true;
    const Fallback = ({ appError, actions }: FallbackProps) => (
      <div>
        <p>{appError ? `${appError.kind}: ${appError.message}` : 'not yet classified'}</p>
        {actions?.map((action) => (
          <button key={action.id} onClick={() => void action.run()}>
            {action.id}
          </button>
        ))}
      </div>
    );
    render(
      withResilience(
        resilience,
        <ErrorBoundary FallbackComponent={Fallback}>
          <Bomb
            error={Object.assign(new Error('Loading chunk 7 failed'), { name: 'ChunkLoadError' })}
            when={() => explode}
          />
        </ErrorBoundary>,
      ),
    );
    expect(screen.getByText('chunk-load: Loading chunk 7 failed')).toBeInTheDocument();
    explode = false;
    fireEvent.click(screen.getByRole('button', { name: 'retry' }));
    expect(screen.getByText('ok')).toBeInTheDocument();
  });

  it('gives the fallback its classified error in the first commit, the one the record holds', async () => {
    const resilience = createResilience();
    const seen: (FallbackProps['appError'] | undefined)[] = [];
    const Fallback = ({ appError }: FallbackProps) => {
      seen.push(appError);
      return <p>{appError?.kind ?? 'not yet classified'}</p>;
    };
    const thrown = new TypeError('Failed to fetch');
    render(
      withResilience(
        resilience,
        <ErrorBoundary FallbackComponent={Fallback}>
          <Bomb error={thrown} />
        </ErrorBoundary>,
      ),
    );
    expect(screen.getByText('network')).toBeInTheDocument();
    await nextPaint();
    // Every render of the fallback has it: no second commit to pass the error on.
    const { error } = resilience.store.getState().records[0]!;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((appError) => appError === error)).toBe(true);
  });

  it('paints the fallback before the capture runs: the store has the record once the next frame is painted', async () => {
    const resilience = createResilience();
    render(
      withResilience(
        resilience,
        <ErrorBoundary fallback={<p>fallback</p>}>
          <Bomb />
        </ErrorBoundary>,
      ),
    );
    expect(screen.getByText('fallback')).toBeInTheDocument();
    // Issue 11: classification, redaction, the store update and the reports wait for the paint.
    expect(resilience.store.getState().records).toHaveLength(0);
    await nextPaint();
    expect(resilience.store.getState().records).toHaveLength(1);
  });

  it('does not classify the error while rendering a fallback that does not read appError', () => {
    const resilience = createResilience();
    const normalize = vi.spyOn(resilience, 'normalize');
    const Message = ({ error }: FallbackProps) => <p>{(error as Error).message}</p>;
    render(
      withResilience(
        resilience,
        <>
          <ErrorBoundary fallbackRender={({ error }) => <p>{(error as Error).message}</p>}>
            <Bomb error={new Error('one')} />
          </ErrorBoundary>
          <ErrorBoundary FallbackComponent={Message}>
            <Bomb error={new Error('two')} />
          </ErrorBoundary>
        </>,
      ),
    );
    expect(screen.getByText('one')).toBeInTheDocument();
    expect(screen.getByText('two')).toBeInTheDocument();
    // React 18's `jsx` copies a component's props, which reads the getter: there the FallbackComponent's error is
    // classified at once (on each render of it), the fallbackRender's still not.
    if (REACT_18) expect(normalize.mock.calls.map(([error]) => (error as Error).message)).toContain('two');
    else expect(normalize).not.toHaveBeenCalled();
    expect(normalize.mock.calls.map(([error]) => (error as Error).message)).not.toContain('one');
  });

  it('gives a fallback that reads appError after the capture the AppError the record holds', async () => {
    const resilience = createResilience();
    let read: FallbackProps['appError'];
    const Later = (props: FallbackProps) => <button onClick={() => (read = props.appError)}>details</button>;
    render(
      withResilience(
        resilience,
        <ErrorBoundary FallbackComponent={Later}>
          <Bomb error={new TypeError('Failed to fetch')} />
        </ErrorBoundary>,
      ),
    );
    await nextPaint();
    fireEvent.click(screen.getByRole('button', { name: 'details' }));
    expect(read?.kind).toBe('network');
    expect(read).toBe(resilience.store.getState().records[0]!.error);
  });

  it('offers reload and go-back actions that reload the page and go back in history', () => {
    const back = vi.spyOn(history, 'back').mockImplementation(() => {});
    let actions: FallbackProps['actions'] = [];
    render(
      <ErrorBoundary
        fallbackRender={(props) => {
          actions = props.actions;
          return null;
        }}
      >
        <Bomb />
      </ErrorBoundary>,
    );
    void actions?.find((a) => a.id === 'go-back')?.run();
    expect(back).toHaveBeenCalledTimes(1);
    expect(actions?.find((a) => a.id === 'reload')).toBeDefined();
  });

  it('captures nothing and passes no AppError without a provider, like react-error-boundary', () => {
    const seen: FallbackProps[] = [];
    render(
      <ErrorBoundary
        level="page"
        fallbackRender={(props) => {
          seen.push(props);
          return <p>fallback</p>;
        }}
      >
        <Bomb />
      </ErrorBoundary>,
    );
    expect(screen.getByText('fallback')).toBeInTheDocument();
    expect(seen.every((props) => props.appError === undefined)).toBe(true);
  });
});

describe('level fallbacks', () => {
  const fallbacks = {
    page: ({ error, level }: LevelFallbackProps) => <p>{`page fallback: ${error.kind} (${level})`}</p>,
    feature: ({ error, actions }: LevelFallbackProps) => (
      <p>{`feature card: ${error.message} [${actions.map((a) => a.id).join(',')}]`}</p>
    ),
    component: ({ error }: LevelFallbackProps) => <p>{`inline: ${error.message}`}</p>,
  };
  const app = (children: ReactNode) =>
    withResilience(
      createResilience(),
      <BoundaryFallbacksContext.Provider value={fallbacks}>{children}</BoundaryFallbacksContext.Provider>,
    );

  it('renders the default fallback of the boundary level with the classified error and actions', () => {
    render(
      app(
        <FeatureBoundary name="feed">
          <Bomb error={new Error('feed failed')} />
        </FeatureBoundary>,
      ),
    );
    expect(screen.getByText('feature card: feed failed [retry,reload,go-back]')).toBeInTheDocument();
  });

  it('has a shorthand per level', () => {
    render(
      app(
        <>
          <PageBoundary>
            <Bomb error={new Error('page')} />
          </PageBoundary>
          <ComponentBoundary>
            <Bomb error={new Error('widget')} />
          </ComponentBoundary>
        </>,
      ),
    );
    expect(screen.getByText('page fallback: unknown (page)')).toBeInTheDocument();
    expect(screen.getByText('inline: widget')).toBeInTheDocument();
  });

  it('prefers an explicit fallback over the level default', () => {
    render(
      app(
        <PageBoundary fallback={<p>my own</p>}>
          <Bomb />
        </PageBoundary>,
      ),
    );
    expect(screen.getByText('my own')).toBeInTheDocument();
  });

  it('sends the error to the parent boundary when the level has no default', () => {
    if (REACT_18) expectReactRenderError(); // React 18 also logs the rethrown error
    const inner = vi.fn();
    render(
      app(
        <ErrorBoundary fallback={<p>parent</p>}>
          <ErrorBoundary level="app" onError={inner}>
            <Bomb logged={!REACT_18} />
          </ErrorBoundary>
        </ErrorBoundary>,
      ),
    );
    expect(screen.getByText('parent')).toBeInTheDocument();
    expect(inner).not.toHaveBeenCalled();
  });

  it('uses the fallbacks that <ResilienceProvider> supplies', () => {
    render(
      <ResilienceProvider resilience={createResilience()} globalHandlers={false} presenters={false}>
        <ComponentBoundary>
          <Bomb error={new Error('avatar failed')} />
        </ComponentBoundary>
      </ResilienceProvider>,
    );
    expect(document.querySelector('[data-bulwark="inline-error"]')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Retry' })).toHaveAccessibleDescription('Something went wrong');
  });

  it('says the retries ran out instead of suggesting Try again, once the button is gone', () => {
    render(
      <ResilienceProvider resilience={createResilience()} globalHandlers={false} presenters={false}>
        <FeatureBoundary maxRetries={1}>
          <Bomb error={new Error('inbox index is corrupt')} />
        </FeatureBoundary>
      </ResilienceProvider>,
    );
    expect(screen.getByText(/^Try again\. If it keeps happening/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    const card = document.querySelector('[data-bulwark="inline-error"]')!;
    expect(card).not.toHaveTextContent(/try again/i);
    expect(card).toHaveTextContent('This keeps failing, so we stopped trying');
  });

  it('says the page could not be shown, and does not promise the input is kept, when a page crashes', () => {
    render(
      <ResilienceProvider resilience={createResilience()} globalHandlers={false} presenters={false}>
        <PageBoundary>
          <Bomb error={new Error('Rendered more hooks than during the previous render')} />
        </PageBoundary>
      </ResilienceProvider>,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('This page could not be shown');
    expect(screen.getByText(/it may not have been saved/)).toBeInTheDocument();
    expect(screen.queryByText(/still here/)).toBeNull();
    expect(screen.queryByText(/rest of the page still works/)).toBeNull();
  });
});
