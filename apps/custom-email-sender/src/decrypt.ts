import {
  buildClient,
  cacheClients,
  CommitmentPolicy,
  getClient,
  KMS,
  KmsKeyringNode,
  type EncryptedDataKey,
  type NodeDecryptionMaterial,
} from '@aws-crypto/client-node';
import { MessageNotSentError } from './errors';

/**
 * Why a code could not be decrypted; logged as is.
 * - `not-base64`, `too-long`: not what Cognito sends;
 * - `malformed`: not an Encryption SDK message;
 * - `wrong-key`: encrypted for another KMS key than `KMS_KEY_ARN` (no data key for ours);
 * - `refused`: a data key for our key, but KMS refused it or the message failed its integrity check.
 *
 * @example
 * const reason: DecryptFailure = 'wrong-key';
 */
export type DecryptFailure = 'not-base64' | 'too-long' | 'malformed' | 'wrong-key' | 'refused';

// Cognito's ciphertexts are well under 1 KiB; a megabyte value is refused before any work.
const MAX_CIPHERTEXT_CHARACTERS = 8_192;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

// Cognito encrypts with the ESDK's defaults; REQUIRE_ENCRYPT_ALLOW_DECRYPT also reads messages of
// the older, non-committing suites, as AWS's custom sender sample does. Cognito writes one data
// key per message: more than a few is a forged message made to cost KMS calls.
const { decrypt } = buildClient({
  commitmentPolicy: CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT,
  maxEncryptedDataKeys: 3,
});

// One KMS client per region for the instance's life; AWS_ENDPOINT_URL_KMS points it elsewhere (the
// local stack). Short timeouts keep a stalled KMS inside Cognito's budget.
const kmsClients = cacheClients(
  getClient(KMS, { maxAttempts: 2, requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 } }),
);

/** The KMS keyring, strict (never discovery) on the one key, noting whether a data key was ours. */
class OneKeyKeyring extends KmsKeyringNode {
  sawOurDataKey: boolean | undefined;

  constructor(private readonly keyArn: string) {
    super({ keyIds: [keyArn], clientProvider: kmsClients });
  }

  override _onDecrypt(
    material: NodeDecryptionMaterial,
    encryptedDataKeys: EncryptedDataKey[],
  ): Promise<NodeDecryptionMaterial> {
    this.sawOurDataKey = encryptedDataKeys.some(
      (key) => key.providerId === 'aws-kms' && key.providerInfo === this.keyArn,
    );
    return super._onDecrypt(material, encryptedDataKeys);
  }
}

/**
 * Decrypts `request.code` (base64 of an AWS Encryption SDK message) with the KMS keyring limited
 * to `keyArn`. Throws a {@link MessageNotSentError} (`CODE_NOT_DECRYPTED`) whose reason says what
 * was wrong and whose message holds neither the code nor the ciphertext.
 *
 * @example
 * const code = await decryptCode(event.request.code, config.kmsKeyArn); // '402913'
 */
export async function decryptCode(ciphertext: string, keyArn: string): Promise<string> {
  const fail = (reason: DecryptFailure, explanation: string, cause?: unknown): never => {
    throw new MessageNotSentError('CODE_NOT_DECRYPTED', reason, explanation, cause === undefined ? {} : { cause });
  };
  if (ciphertext.length > MAX_CIPHERTEXT_CHARACTERS) {
    return fail('too-long', `request.code is longer than ${MAX_CIPHERTEXT_CHARACTERS} characters`);
  }
  if (!BASE64.test(ciphertext) || ciphertext.length % 4 !== 0) {
    return fail('not-base64', 'request.code is not base64');
  }
  const keyring = new OneKeyKeyring(keyArn);
  let plaintext: Buffer;
  try {
    ({ plaintext } = await decrypt(keyring, Buffer.from(ciphertext, 'base64')));
  } catch (error) {
    if (keyring.sawOurDataKey === undefined) return fail('malformed', 'request.code could not be read', error);
    if (!keyring.sawOurDataKey) {
      return fail('wrong-key', 'request.code was not encrypted for KMS_KEY_ARN', error);
    }
    return fail('refused', 'request.code could not be decrypted with KMS_KEY_ARN', error);
  }
  const code = plaintext.toString('utf8');
  if (code.trim() === '') return fail('malformed', 'request.code decrypted to nothing');
  return code;
}
