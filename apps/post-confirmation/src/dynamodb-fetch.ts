import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { IdempotencyClient } from '@cognito-triggers/trigger-core';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Where and as whom the idempotency table is called: Lambda's region and the execution role's
 * credentials (Lambda puts them in the environment), or an emulator's endpoint.
 *
 * @example
 * const target: DynamoDbTarget = { region: 'eu-west-1', credentials: { accessKeyId, secretAccessKey, sessionToken } };
 */
export interface DynamoDbTarget {
  readonly region: string;
  /** `AWS_ENDPOINT_URL_DYNAMODB`; by default the regional endpoint. */
  readonly endpoint?: string | undefined;
  readonly credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined };
}

/** SHA-256 and HMAC-SHA-256 as the signer asks for them, on node:crypto. */
class Sha256 {
  private readonly hash: Hash | Hmac;

  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    if (secret === undefined) this.hash = createHash('sha256');
    else if (typeof secret === 'string') this.hash = createHmac('sha256', secret);
    else if (ArrayBuffer.isView(secret)) {
      this.hash = createHmac('sha256', new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength));
    } else this.hash = createHmac('sha256', new Uint8Array(secret));
  }

  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

/**
 * The four DynamoDB calls trigger-core's `once` makes, as signed `fetch` calls. Why not
 * `@aws-sdk/client-dynamodb`: it adds about 90 KiB to this bundle (its schemas cover every
 * DynamoDB operation) and takes the zip past its 256 KiB budget, for four JSON calls. The signer is
 * the AWS SDK's own (`@smithy/signature-v4`, already in the bundle for SES), so nothing of SigV4 is
 * hand-written. Errors carry DynamoDB's names (`ConditionalCheckFailedException`, …), as the SDK's
 * do; nothing is retried here: `once` treats a failed call as the table being unavailable and
 * still sends the e-mail once.
 *
 * @example
 * const client = dynamoDbOverFetch({ region: 'eu-west-1', credentials });
 * await once(key, send, { store: { client, tableName }, signal, whenUnavailable: 'run' });
 */
export function dynamoDbOverFetch(target: DynamoDbTarget): IdempotencyClient {
  const signer = new SignatureV4({
    credentials: target.credentials,
    region: target.region,
    service: 'dynamodb',
    sha256: Sha256,
  });
  const url = new URL(target.endpoint ?? `https://dynamodb.${target.region}.amazonaws.com/`);

  const call = async <T>(operation: string, input: unknown, signal: AbortSignal | undefined): Promise<T> => {
    const body = JSON.stringify(input);
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${operation}`,
      },
      body,
    });
    // fetch sets Host itself and refuses to be given one.
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(url, { method: 'POST', headers, body, ...(signal ? { signal } : {}) });
    const answer = (await response.json().catch(() => ({}))) as {
      __type?: unknown;
      message?: unknown;
      Message?: unknown;
    };
    if (!response.ok) {
      // "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException" -> the part after '#'.
      const type = typeof answer.__type === 'string' ? answer.__type.slice(answer.__type.lastIndexOf('#') + 1) : '';
      const message = answer.message ?? answer.Message;
      throw Object.assign(new Error(typeof message === 'string' ? message : `DynamoDB ${operation} failed`), {
        name: type || `DynamoDB${response.status}`,
        $metadata: { httpStatusCode: response.status },
      });
    }
    return answer as T;
  };

  return {
    putItem: (input, options) => call('PutItem', input, options?.abortSignal),
    getItem: (input, options) => call('GetItem', input, options?.abortSignal),
    updateItem: (input, options) => call('UpdateItem', input, options?.abortSignal),
    deleteItem: (input, options) => call('DeleteItem', input, options?.abortSignal),
  };
}
