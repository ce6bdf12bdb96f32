import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A KMS key the emulator holds: its ARN and, optionally, an alias name (`alias/…`).
 *
 * @example
 * const key: EmulatedKey = { arn: LOCAL_KMS_KEY_ARN, alias: 'alias/cognito-custom-sender' };
 */
export interface EmulatedKey {
  readonly arn: string;
  readonly alias?: string;
}

/**
 * The key the local stack's user pool encrypts codes with, as a custom sender is configured with.
 *
 * @example
 * environment: { KMS_KEY_ARN: LOCAL_KMS_KEY.arn, AWS_ENDPOINT_URL_KMS: kms.endpoint }
 */
export const LOCAL_KMS_KEY: EmulatedKey = {
  arn: 'arn:aws:kms:us-east-1:000000000000:key/00000000-0000-4000-8000-000000000001',
  alias: 'alias/cognito-custom-sender',
};

/**
 * A running KMS emulator on 127.0.0.1.
 *
 * @example
 * const kms = await startKmsEmulator();
 * process.env.AWS_ENDPOINT_URL_KMS = kms.endpoint;
 * await kms.stop();
 */
export interface KmsEmulator {
  /** Where the KMS API listens; give it to a function as `AWS_ENDPOINT_URL_KMS`. */
  readonly endpoint: string;
  readonly keys: readonly EmulatedKey[];
  /** How many calls of each operation it answered (e.g. `{ Decrypt: 1 }`). */
  calls(): Readonly<Record<string, number>>;
  stop(): Promise<void>;
}

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Starts an emulator of the three KMS calls the AWS Encryption SDK's KMS keyring makes
 * (GenerateDataKey, Encrypt, Decrypt), over KMS's JSON protocol, with AES-256-GCM keys made at
 * start and an authenticated encryption context, as KMS has. No npm package emulates KMS, and the
 * SDK's KMS keyring needs one to run end to end: cognito-local encrypts codes through it, and the
 * built custom sender decrypts them through it, unchanged. Nothing here is a security boundary.
 *
 * @example
 * const kms = await startKmsEmulator({ keys: [LOCAL_KMS_KEY, { arn: otherArn }] });
 */
export async function startKmsEmulator(
  options: { keys?: readonly EmulatedKey[]; port?: number } = {},
): Promise<KmsEmulator> {
  const keys = options.keys ?? [LOCAL_KMS_KEY];
  const material = keys.map(() => randomBytes(32));
  const counts: Record<string, number> = {};

  const resolve = (keyId: unknown): number => {
    const index =
      typeof keyId === 'string'
        ? keys.findIndex(
            (key) =>
              key.arn === keyId ||
              key.arn.endsWith(`:key/${keyId}`) ||
              (key.alias !== undefined && (key.alias === keyId || keyId.endsWith(`:${key.alias}`))),
          )
        : -1;
    if (index < 0) throw new KmsError('NotFoundException', `Key '${String(keyId)}' does not exist`);
    return index;
  };
  const context = (value: unknown): Buffer =>
    Buffer.from(JSON.stringify(Object.entries((value ?? {}) as Record<string, string>).sort()));
  const wrap = (index: number, plaintext: Buffer, encryptionContext: unknown): string => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', material[index]!, iv).setAAD(context(encryptionContext));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([index]), iv, cipher.getAuthTag(), body]).toString('base64');
  };
  const unwrap = (blob: string, encryptionContext: unknown): { index: number; plaintext: Buffer } => {
    const bytes = Buffer.from(blob, 'base64');
    const index = bytes[0] ?? 255;
    if (bytes.length < 30 || index >= keys.length)
      throw new KmsError('InvalidCiphertextException', 'invalid ciphertext');
    try {
      const decipher = createDecipheriv('aes-256-gcm', material[index]!, bytes.subarray(1, 13))
        .setAAD(context(encryptionContext))
        .setAuthTag(bytes.subarray(13, 29));
      return { index, plaintext: Buffer.concat([decipher.update(bytes.subarray(29)), decipher.final()]) };
    } catch {
      throw new KmsError('InvalidCiphertextException', 'invalid ciphertext');
    }
  };

  const operations: Record<string, (input: Record<string, unknown>) => Record<string, unknown>> = {
    GenerateDataKey(input) {
      const index = resolve(input.KeyId);
      const bytes =
        typeof input.NumberOfBytes === 'number' ? input.NumberOfBytes : input.KeySpec === 'AES_128' ? 16 : 32;
      const plaintext = randomBytes(bytes);
      return {
        KeyId: keys[index]!.arn,
        Plaintext: plaintext.toString('base64'),
        CiphertextBlob: wrap(index, plaintext, input.EncryptionContext),
      };
    },
    Encrypt(input) {
      const index = resolve(input.KeyId);
      const plaintext = Buffer.from(String(input.Plaintext), 'base64');
      return { KeyId: keys[index]!.arn, CiphertextBlob: wrap(index, plaintext, input.EncryptionContext) };
    },
    Decrypt(input) {
      const { index, plaintext } = unwrap(String(input.CiphertextBlob), input.EncryptionContext);
      if (input.KeyId !== undefined && resolve(input.KeyId) !== index) {
        throw new KmsError(
          'IncorrectKeyException',
          'The key ID in the request does not identify the key that encrypted it',
        );
      }
      return {
        KeyId: keys[index]!.arn,
        Plaintext: plaintext.toString('base64'),
        EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      };
    },
  };

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() });
    response.end(JSON.stringify(body));
  };
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const name = String(request.headers['x-amz-target'] ?? '').replace(/^TrentService\./, '');
    const operation = operations[name];
    if (!operation)
      return answer(response, 400, { __type: 'UnknownOperationException', message: `not emulated: ${name}` });
    counts[name] = (counts[name] ?? 0) + 1;
    try {
      answer(
        response,
        200,
        operation(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>),
      );
    } catch (error) {
      if (error instanceof KmsError) return answer(response, 400, { __type: error.type, message: error.message });
      answer(response, 400, { __type: 'ValidationException', message: 'malformed request' });
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    keys,
    calls: () => ({ ...counts }),
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
