/**
 * Loads `idb` on first use, for the page side of the outbox and the IndexedDB drafts: idb patches its
 * wrappers when imported (its proxy traps), so a static import would ride along with every import of
 * bulwark/core, queue or drafts or not (about 1 kB). The worker imports it statically instead
 * (service workers have no `import()`).
 */
export const loadIdb = () => import('idb');
