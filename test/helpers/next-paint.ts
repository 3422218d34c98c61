import { act } from '@testing-library/react';
import { afterPaint } from '../../src/core/after-paint';

/**
 * Waits until the browser has painted the next frame, as a user sees the page: a boundary's capture is
 * recorded then (issue 11), so the store holds its record once this resolves.
 */
export const nextPaint = (): Promise<void> => act(() => new Promise<void>((resolve) => afterPaint(resolve)));
