import { browserNetworkEvents, createNetworkStatus, type NetworkEventSource } from 'bulwark/core';
import { describe, expect, it, vi } from 'vitest';

function fakeSource() {
  const state = { attached: 0, detached: 0, set: (() => {}) as (online: boolean) => void };
  const source: NetworkEventSource = (setOnline) => {
    state.attached++;
    state.set = setOnline;
    return () => state.detached++;
  };
  return { source, state };
}

describe('network status', () => {
  it('attaches its event source on the first subscribe and detaches it after the last', () => {
    const { source, state } = fakeSource();
    const status = createNetworkStatus(source);
    expect(state.attached).toBe(0);
    const a = status.subscribe(() => {});
    const b = status.subscribe(() => {});
    expect(state.attached).toBe(1);
    a();
    a();
    expect(state.detached).toBe(0);
    b();
    expect(state.detached).toBe(1);
  });

  it('tells listeners of changes only', () => {
    const { source, state } = fakeSource();
    const status = createNetworkStatus(source);
    const listener = vi.fn();
    status.subscribe(listener);
    state.set(true);
    state.set(false);
    state.set(false);
    state.set(true);
    expect(listener.mock.calls).toEqual([[false], [true]]);
    expect(status.isOnline()).toBe(true);
  });

  it('swaps its event source while subscribed', () => {
    const first = fakeSource();
    const second = fakeSource();
    const status = createNetworkStatus(first.source);
    status.subscribe(() => {});
    status.setEventSource(second.source);
    expect(first.state.detached).toBe(1);
    expect(second.state.attached).toBe(1);
    second.state.set(false);
    expect(status.isOnline()).toBe(false);
  });

  it('starts from navigator.onLine, read when first asked', () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const status = createNetworkStatus(() => undefined);
    expect(onLine).not.toHaveBeenCalled();
    expect(status.isOnline()).toBe(false);
    onLine.mockRestore();
  });

  it('follows the window’s online and offline events by default', () => {
    const status = createNetworkStatus(browserNetworkEvents);
    const listener = vi.fn();
    const unsubscribe = status.subscribe(listener);
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    unsubscribe();
    window.dispatchEvent(new Event('offline'));
    expect(listener.mock.calls).toEqual([[false], [true]]);
  });
});
