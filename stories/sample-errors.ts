// Sample errors for the stories (not a story file: no `.stories.` in the name).
import { AppError, type Severity } from 'bulwark';

/** A server error with a status, request id and a realistic stack. */
export function sampleError(severity: Severity = 'error', message = 'Upstream answered 503'): AppError {
  const error = new AppError(message, {
    kind: 'server',
    severity,
    status: 503,
    code: 'HTTP_503',
    retryable: true,
    context: { requestId: 'req-7f3a9c' },
    actions: ['retry'],
  });
  error.stack = [
    `AppError: ${message}`,
    '    at saveDraft (https://app.example/assets/editor.js:412:17)',
    '    at async onSubmit (https://app.example/assets/editor.js:88:5)',
  ].join('\n');
  return error;
}

/** A distinct letters-only word per number (fingerprints fold digits away). */
export const word = (i: number) =>
  i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));

export const retryAction = { id: 'retry', run: () => {}, primary: true } as const;
