import { ResilienceContext, createNetworkStatus, createResilience, type ResilienceOptions } from 'bulwark';
import type { ReactNode } from 'react';

/** A fresh instance with its own network status (so tests never touch the page-wide one), and its wrapper. */
export function setup(options: ResilienceOptions = {}) {
  const network = createNetworkStatus(() => undefined);
  const resilience = createResilience({ ...options, degradation: { network, ...options.degradation } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ResilienceContext.Provider value={resilience}>{children}</ResilienceContext.Provider>
  );
  return { resilience, network, wrapper };
}
