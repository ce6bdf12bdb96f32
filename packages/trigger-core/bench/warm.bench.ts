// A warm invocation of defineTrigger against the bare handler, in one process: the wrapper's own
// cost per invocation (event check, deadline, summary line). Log lines go to a no-op writer, so
// stdout is not measured here; tooling/bench's warm-overhead workload measures the built bundle
// with its real stdout. Reported, never asserted.
import { bench, describe } from 'vitest';
import { defineTrigger, postConfirmation, preSignUp, type PostConfirmationEvent } from '../src/index';
import { fakeContext, triggerEvent } from '../src/testing/index';

const discard = (): void => undefined;
const context = fakeContext({ remainingMs: 6_000 });
const confirmation = triggerEvent('PostConfirmation_ConfirmSignUp');
const signUp = triggerEvent('PreSignUp_SignUp');

const bare = (event: PostConfirmationEvent): Promise<PostConfirmationEvent> => Promise.resolve(event);
const wrapped = defineTrigger(postConfirmation, { service: 'bench', writeLog: discard }, (event) => event);
const withSignal = defineTrigger(postConfirmation, { service: 'bench', writeLog: discard }, (event, { signal }) => {
  if (signal.aborted) throw new Error('aborted');
  return event;
});
const quiet = defineTrigger(
  postConfirmation,
  { service: 'bench', writeLog: discard, environment: { LOG_LEVEL: 'ERROR' } },
  (event) => event,
);
const gate = defineTrigger(preSignUp, { service: 'bench', writeLog: discard }, (event) => {
  event.response.autoConfirmUser = true;
  return event;
});

describe('one warm invocation', () => {
  bench('bare handler', async () => {
    await bare(confirmation);
  });
  bench('defineTrigger, summary line written', async () => {
    await wrapped(confirmation, context);
  });
  bench('defineTrigger, handler takes the signal', async () => {
    await withSignal(confirmation, context);
  });
  bench('defineTrigger, LOG_LEVEL=ERROR (no line)', async () => {
    await quiet(confirmation, context);
  });
  bench('defineTrigger, pre sign-up gate', async () => {
    await gate(signUp, context);
  });
});
