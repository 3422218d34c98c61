import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { installConsoleErrorGuard } from './helpers/console-errors';
import { quietReactReplays } from './helpers/quiet-react-replays';

// Expected console errors are claimed by the test (`expectConsoleError`); any other fails it. Installed
// first so its check runs last (after-hooks run in reverse), once `cleanup` has unmounted everything.
installConsoleErrorGuard();
afterEach(() => cleanup());
// React 18's development build replays every caught render error for jsdom to print: silence only those.
quietReactReplays();
