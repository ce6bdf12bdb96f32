import { buildClient, CommitmentPolicy, KMS, KmsKeyringNode } from '@aws-crypto/client-node';
import { LOCAL_KMS_KEY, startKmsEmulator } from '@cognito-triggers/local-stack';
import { triggerEvent } from '@cognito-triggers/trigger-core/testing';
import type { Scenario } from './measure';

/** The app the scenario is for. */
export const SENDER_APP = 'custom-email-sender';

const { encrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);

/**
 * custom-email-sender's first invocation, as on Lambda: a sign-up code encrypted as Cognito does
 * (an AWS Encryption SDK message under the KMS keyring) with the local stack's KMS emulator, which
 * the function then decrypts through (`AWS_ENDPOINT_URL_KMS`) before it sends the e-mail to the
 * local SES. The emulator's keys are made when it starts, so the ciphertext is made here, at run
 * time, rather than written into `SCENARIOS`. Stop it when the measurements are done.
 *
 * @example
 * const sender = await startSenderScenario();
 * try { await measureColdStarts([{ ...subject, scenario: sender.scenario }], options); } finally { await sender.stop(); }
 */
export async function startSenderScenario(): Promise<{ scenario: Scenario; stop: () => Promise<void> }> {
  const kms = await startKmsEmulator();
  try {
    const keyring = new KmsKeyringNode({
      generatorKeyId: LOCAL_KMS_KEY.arn,
      clientProvider: () =>
        new KMS({
          region: 'us-east-1',
          endpoint: kms.endpoint,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }),
    });
    const { result } = await encrypt(keyring, '402913', { encryptionContext: { userpool: 'us-east-1_bench' } });
    return {
      scenario: {
        event: triggerEvent('CustomEmailSender_SignUp', { request: { code: result.toString('base64') } }),
        environment: {
          EMAIL_FROM: 'Acme <hello@acme.example>',
          APP_NAME: 'Acme',
          KMS_KEY_ARN: LOCAL_KMS_KEY.arn,
          AWS_ENDPOINT_URL_KMS: kms.endpoint,
        },
      },
      stop: () => kms.stop(),
    };
  } catch (error) {
    await kms.stop();
    throw error;
  }
}
