import { KMS } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_KMS_KEY, startKmsEmulator, type KmsEmulator } from '../src/index';

const OTHER = { arn: 'arn:aws:kms:us-east-1:000000000000:key/00000000-0000-4000-8000-000000000009' };
let kms: KmsEmulator;
let client: KMS;

beforeAll(async () => {
  kms = await startKmsEmulator({ keys: [LOCAL_KMS_KEY, OTHER] });
  client = new KMS({
    endpoint: kms.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
});
afterAll(async () => {
  client?.destroy();
  await kms?.stop();
});

describe('startKmsEmulator', () => {
  it('wraps a fresh data key under a key named by its alias, and unwraps it, reporting the key ARN', async () => {
    const context = { userpool: 'local' };
    const made = await client.generateDataKey({
      KeyId: LOCAL_KMS_KEY.alias,
      NumberOfBytes: 32,
      EncryptionContext: context,
    });
    expect(made.KeyId).toBe(LOCAL_KMS_KEY.arn);
    expect(made.Plaintext).toHaveLength(32);
    const opened = await client.decrypt({ CiphertextBlob: made.CiphertextBlob, EncryptionContext: context });
    expect(opened.KeyId).toBe(LOCAL_KMS_KEY.arn);
    expect(Buffer.from(opened.Plaintext ?? []).equals(Buffer.from(made.Plaintext ?? []))).toBe(true);
    expect(kms.calls()).toMatchObject({ GenerateDataKey: 1, Decrypt: 1 });
  });

  it('refuses, as KMS does, another key, another encryption context, a tampered blob and an unknown key', async () => {
    const { CiphertextBlob } = await client.encrypt({ KeyId: LOCAL_KMS_KEY.arn, Plaintext: Buffer.from('k') });
    await expect(client.decrypt({ CiphertextBlob, KeyId: OTHER.arn })).rejects.toMatchObject({
      name: 'IncorrectKeyException',
    });
    await expect(client.decrypt({ CiphertextBlob, EncryptionContext: { a: 'b' } })).rejects.toMatchObject({
      name: 'InvalidCiphertextException',
    });
    const tampered = Buffer.from(CiphertextBlob ?? []);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    await expect(client.decrypt({ CiphertextBlob: tampered })).rejects.toMatchObject({
      name: 'InvalidCiphertextException',
    });
    await expect(client.encrypt({ KeyId: 'alias/nope', Plaintext: Buffer.from('k') })).rejects.toMatchObject({
      name: 'NotFoundException',
    });
  });
});
