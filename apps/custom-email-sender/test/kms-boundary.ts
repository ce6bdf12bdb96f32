import { randomBytes } from 'node:crypto';
import { buildClient, CommitmentPolicy, KMS, KmsKeyringNode } from '@aws-crypto/client-node';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';

/** The pool's custom sender key, as the app is configured with it. */
export const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
/** Another key of the same account: a code encrypted with it must not be decrypted. */
export const OTHER_KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/99999999-12ab-34cd-56ef-1234567890ab';

/**
 * KMS mocked at the SDK's boundary for every KMS client in this process (the app's and the
 * test's), behaving as KMS does for the two calls the Encryption SDK makes: GenerateDataKey wraps a
 * fresh data key, Decrypt unwraps only what was wrapped, under its own key.
 */
export function mockKms() {
  const mock = mockClient(KMSClient);
  const wrapped = new Map<string, { keyId: string; plaintext: Uint8Array }>();
  const install = () => {
    mock.on(GenerateDataKeyCommand).callsFake((input: { KeyId: string; NumberOfBytes?: number }) => {
      const plaintext = new Uint8Array(randomBytes(input.NumberOfBytes ?? 32));
      const blob = new Uint8Array(randomBytes(64));
      // Copies both ways, as over the wire: the Encryption SDK zeroes a data key once it is used.
      wrapped.set(Buffer.from(blob).toString('hex'), { keyId: input.KeyId, plaintext: plaintext.slice() });
      return { KeyId: input.KeyId, Plaintext: plaintext, CiphertextBlob: blob };
    });
    mock.on(DecryptCommand).callsFake((input: { KeyId?: string; CiphertextBlob: Uint8Array }) => {
      const entry = wrapped.get(Buffer.from(input.CiphertextBlob).toString('hex'));
      if (!entry || (input.KeyId && input.KeyId !== entry.keyId)) {
        throw Object.assign(new Error('The ciphertext refers to a key that does not exist'), {
          name: 'InvalidCiphertextException',
        });
      }
      return { KeyId: entry.keyId, Plaintext: entry.plaintext.slice() };
    });
  };
  install();
  return {
    mock,
    reset: () => {
      mock.reset();
      install();
    },
  };
}

const { encrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);

/**
 * Encrypts `code` as Cognito does: an AWS Encryption SDK message under a KMS keyring, base64.
 *
 * @example
 * const ciphertext = await encryptCode('402913', KEY_ARN);
 */
export async function encryptCode(code: string, keyArn = KEY_ARN): Promise<string> {
  const keyring = new KmsKeyringNode({
    generatorKeyId: keyArn,
    clientProvider: () => new KMS({ region: 'eu-west-1' }),
  });
  const { result } = await encrypt(keyring, code, { encryptionContext: { userpool: 'eu-west-1_AbCdEf123' } });
  return result.toString('base64');
}
