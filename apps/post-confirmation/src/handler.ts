import { SESClient } from '@aws-sdk/client-ses';
import { defineTrigger, postConfirmation } from '@cognito-triggers/trigger-core';
import { readConfig } from './config';
import { decideEmail } from './email';
import { sesSender } from './ses-sender';

// One client per Lambda instance (replaced only after a failure SES did not answer: see sesSender).
// Region and endpoint come from the SDK's standard settings (AWS_REGION, AWS_ENDPOINT_URL_SES), so
// the same bundle talks to SES or to an emulator.
const ses = sesSender(
  () =>
    new SESClient({
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
    }),
);

/**
 * The PostConfirmation Lambda handler: a welcome e-mail after a confirmed sign-up, a security notice
 * after a password reset. It never blocks the user: any failure is logged and the event returned.
 *
 * @example
 * // Lambda: runtime nodejs24.x, handler index.handler, environment EMAIL_FROM="Acme <hello@acme.example>"
 */
export const handler = defineTrigger(
  postConfirmation,
  { service: 'post-confirmation', config: readConfig },
  async (event, { config, signal, annotate }) => {
    const decision = decideEmail(event, config);
    // Everything this invocation decided goes on the wrapper's one summary line ("invocation
    // finished"): one line per confirmation to query, and a failed send there carries the SES
    // error's name and code, the e-mail kind and the user's sub, never the address.
    if (decision.action === 'skip') {
      annotate(
        decision.reason === 'email-address-invalid'
          ? { skipReason: decision.reason, addressProblem: decision.addressProblem }
          : { skipReason: decision.reason },
      );
      return event;
    }
    annotate({ emailKind: decision.kind });
    const result = await ses.send(decision.input, signal);
    annotate({ messageId: result.MessageId, attempts: result.$metadata?.attempts });
    return event;
  },
);
