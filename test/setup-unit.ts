import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { installConsoleErrorGuard } from './helpers/console-errors';

// Expected console errors are claimed by the test (`expectConsoleError`); any other fails it. Installed
// first so its check runs last (after-hooks run in reverse), once `cleanup` has unmounted everything.
installConsoleErrorGuard();
afterEach(() => cleanup());
