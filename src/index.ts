// `bulwark`: React bindings plus the core API most apps need.
export * from './core';

// — boundaries and hooks —

// — provider and store hooks —

// — recovery UI —

// — policies and degradation hooks —
