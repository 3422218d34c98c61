// `bulwark/core`: everything framework-agnostic. Never imports React; touches no browser global at import time.

// — errors —
export * from './core/errors/types';
export { AppError, isAppError, type AppErrorOptions } from './core/errors/app-error';
export { toJsonSafe, type JsonSafeLimits } from './core/errors/to-json-safe';

// — pipeline types —
export * from './core/types';

// — store, disclosure, resilience —

// — policies —

// — degradation —

// — offline —

// — reporting —
