import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  GetAliasCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  PreconditionFailedException,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { LambdaFunction } from '@cognito-triggers/lambda-runtime';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLambdaServer, type LambdaServer } from '../src/index';

const bundlePath = fileURLToPath(new URL('./fixtures/trigger.mjs', import.meta.url));
const fn = new LambdaFunction({ name: 'pre-sign-up', bundlePath, timeoutMs: 2_000 });
let lambda: LambdaServer;
let client: LambdaClient;

const CHANGED = 'export const handler = async (event) => ({ ...event, response: { seenBy: "changed build" } });';
const zip = Buffer.from(zipSync({ 'index.mjs': new TextEncoder().encode(CHANGED) }));
const zipSha = createHash('sha256').update(zip).digest('base64');

beforeAll(async () => {
  lambda = await startLambdaServer({ functions: { 'pre-sign-up': fn, PreSignUp: fn } });
  client = new LambdaClient({
    endpoint: lambda.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client?.destroy();
  await lambda?.stop();
  await fn.stop();
});

async function seenBy(qualifier?: string): Promise<unknown> {
  const answer = await client.send(
    new InvokeCommand({
      FunctionName: 'PreSignUp',
      ...(qualifier ? { Qualifier: qualifier } : {}),
      Payload: JSON.stringify({ triggerSource: 'PreSignUp_SignUp', request: { userAttributes: {} }, response: {} }),
    }),
  );
  return (JSON.parse(new TextDecoder().decode(answer.Payload)) as { response: { seenBy?: unknown } }).response.seenBy;
}

describe('the local Lambda control plane', () => {
  it('deploys like Lambda: upload, publish (checked), move the alias (checked), and invocations follow live', async () => {
    const live = await client.send(new GetAliasCommand({ FunctionName: 'pre-sign-up', Name: 'live' }));
    expect(live.FunctionVersion).toBe('1');
    const running = await client.send(new GetFunctionCommand({ FunctionName: 'pre-sign-up', Qualifier: '1' }));
    expect(running.Configuration).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      LastUpdateStatus: 'Successful',
    });
    const before = await seenBy();

    const uploaded = await client.send(new UpdateFunctionCodeCommand({ FunctionName: 'pre-sign-up', ZipFile: zip }));
    expect(uploaded.CodeSha256).toBe(zipSha);
    await expect(
      client.send(new PublishVersionCommand({ FunctionName: 'pre-sign-up', CodeSha256: 'not-the-upload' })),
    ).rejects.toBeInstanceOf(PreconditionFailedException);
    const published = await client.send(
      new PublishVersionCommand({
        FunctionName: 'pre-sign-up',
        CodeSha256: zipSha,
        Description: 'pre-sign-up@0.2.0 abc',
        RevisionId: uploaded.RevisionId,
      }),
    );
    expect(published.Version).toBe('2');
    expect(await seenBy()).toEqual(before);
    expect(await seenBy('2')).toBe('changed build');

    await expect(
      client.send(
        new UpdateAliasCommand({
          FunctionName: 'pre-sign-up',
          Name: 'live',
          FunctionVersion: '2',
          RevisionId: 'stale',
        }),
      ),
    ).rejects.toBeInstanceOf(PreconditionFailedException);
    await client.send(
      new UpdateAliasCommand({
        FunctionName: 'pre-sign-up',
        Name: 'live',
        FunctionVersion: '2',
        RevisionId: live.RevisionId,
      }),
    );
    expect(await seenBy()).toBe('changed build');

    const versions = await client.send(new ListVersionsByFunctionCommand({ FunctionName: 'pre-sign-up' }));
    expect(versions.Versions?.map((entry) => [entry.Version, entry.Description])).toEqual([
      ['$LATEST', 'the built bundle the local stack started with'],
      ['1', 'the built bundle the local stack started with'],
      ['2', 'pre-sign-up@0.2.0 abc'],
    ]);
  });
});
