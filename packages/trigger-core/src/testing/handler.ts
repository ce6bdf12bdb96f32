/**
 * The setup every handler test file repeats, in one call: a fresh import of the handler per
 * environment (it reads its configuration at cold start), its stdout log lines captured, and,
 * after each test, the environment restored and the logs checked for personal data. Kept out of
 * `./testing`'s index because it imports vitest.
 */
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { captureStdoutLogs, findPersonalData, type CapturedLogs } from './logs';
import { PERSONAL_VALUES } from './sample-data';

/**
 * What {@link handlerUnderTest} gives a test file.
 *
 * @example
 * const app: HandlerUnderTest<typeof import('../src/handler').handler> = handlerUnderTest(() => import('../src/handler'));
 */
export interface HandlerUnderTest<THandler> {
  /** A fresh import of the handler, with `environment` stubbed into `process.env` (restored after the test). */
  load(environment?: Readonly<Record<string, string>>): Promise<THandler>;
  /** The current test's log lines. */
  readonly logs: CapturedLogs;
}

/**
 * Registers the `beforeEach`/`afterEach` of a handler test file and returns its loader and logs.
 * `personalValues` are what the logs must never contain (by default the sample user's data); any
 * e-mail address or phone number fails the test too.
 *
 * @example
 * const app = handlerUnderTest(() => import('../src/handler'));
 * it('welcomes a confirmed user', async () => {
 *   const handler = await app.load({ EMAIL_FROM: 'hello@acme.example' });
 *   await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext());
 *   expect(app.logs.withMessage('invocation finished')).toMatchObject([{ outcome: 'success' }]);
 * });
 */
export function handlerUnderTest<THandler>(
  importHandler: () => Promise<{ handler: THandler }>,
  options: { personalValues?: readonly string[] } = {},
): HandlerUnderTest<THandler> {
  let logs: (CapturedLogs & { restore(): void }) | undefined;
  beforeEach(() => {
    logs = captureStdoutLogs();
  });
  afterEach(() => {
    const output = logs?.raw.join('') ?? '';
    logs?.restore();
    vi.unstubAllEnvs();
    expect(findPersonalData(output, options.personalValues ?? PERSONAL_VALUES)).toEqual([]);
  });
  return {
    async load(environment = {}) {
      vi.resetModules();
      for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
      return (await importHandler()).handler;
    },
    get logs() {
      if (!logs) throw new Error('handlerUnderTest: logs exist only inside a test');
      return logs;
    },
  };
}
