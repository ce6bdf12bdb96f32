import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { LambdaFunction } from '@cognito-triggers/lambda-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLambdaServer, type LambdaServer } from '../src/index';

const bundlePath = fileURLToPath(new URL('./fixtures/trigger.mjs', import.meta.url));
const fn = new LambdaFunction({ name: 'pre-sign-up', bundlePath, timeoutMs: 1_000 });
let lambda: LambdaServer;

function invoke(name: string, payload: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${lambda.endpoint}/2015-03-31/functions/${encodeURIComponent(name)}/invocations`, {
    method: 'POST',
    headers,
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

beforeAll(async () => {
  lambda = await startLambdaServer({ functions: { 'pre-sign-up': fn, PreSignUp: fn } });
});
beforeEach(() => lambda.clear());
afterAll(async () => {
  await lambda?.stop();
  await fn.stop();
});

describe('startLambdaServer', () => {
  it('listens on 127.0.0.1 and answers to every name a function was given', () => {
    expect(lambda.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(lambda.functionNames).toEqual(['pre-sign-up', 'PreSignUp']);
  });

  it("returns the function's result with 200, as Lambda's Invoke API does", async () => {
    const response = await invoke('PreSignUp', {
      triggerSource: 'PreSignUp_SignUp',
      request: { userAttributes: { email: 'a@example.com' } },
      response: {},
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-function-error')).toBeNull();
    expect(response.headers.get('x-amz-executed-version')).toBe('$LATEST');
    expect(await response.json()).toMatchObject({ response: { seenBy: 'pre-sign-up' } });
  });

  it('reports a function error with 200, X-Amz-Function-Error: Unhandled and the error as Lambda shapes it', async () => {
    const response = await invoke('pre-sign-up', {
      triggerSource: 'PreSignUp_SignUp',
      request: { userAttributes: { email: 'm@blocked.example' } },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-function-error')).toBe('Unhandled');
    const body = (await response.json()) as { errorType: string; errorMessage: string; trace: string[] };
    expect(body).toMatchObject({
      errorType: 'UserFacingError',
      errorMessage: 'Sign-ups with this e-mail domain are not allowed.',
    });
    expect(Array.isArray(body.trace)).toBe(true);
  });

  it('reports a function that outlives its timeout as a Lambda time-out', async () => {
    const response = await invoke('pre-sign-up', { mode: 'hang' });
    expect(response.headers.get('x-amz-function-error')).toBe('Unhandled');
    expect(await response.json()).toMatchObject({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'Task timed out after 1.00 seconds',
    });
  });

  it('answers 404 ResourceNotFoundException for a function it does not know', async () => {
    const response = await invoke('nope', {});
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(await response.json()).toMatchObject({
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope',
    });
  });

  it('accepts a function ARN, with or without a qualifier, as the name', async () => {
    const response = await invoke('arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up:$LATEST', {
      triggerSource: 'PreSignUp_SignUp',
      request: {},
    });
    expect(response.status).toBe(200);
  });

  it('refuses a payload that is not JSON with 400 InvalidRequestContentException', async () => {
    const response = await invoke('pre-sign-up', '{not json');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidRequestContentException');
  });

  it('answers an Event invocation with 202 and a DryRun with 204, as Lambda does', async () => {
    expect((await invoke('pre-sign-up', {}, { 'x-amz-invocation-type': 'Event' })).status).toBe(202);
    expect((await invoke('pre-sign-up', {}, { 'x-amz-invocation-type': 'DryRun' })).status).toBe(204);
  });

  it('returns the tail of the log, base64-encoded, when asked with X-Amz-Log-Type: Tail', async () => {
    const response = await invoke(
      'pre-sign-up',
      { triggerSource: 'PreSignUp_SignUp', request: {} },
      { 'x-amz-log-type': 'Tail' },
    );
    const tail = Buffer.from(response.headers.get('x-amz-log-result') ?? '', 'base64').toString('utf8');
    expect(tail).toContain('"message":"invoked"');
  });

  it('records which function ran for which trigger source, what it returned and what it logged', async () => {
    await invoke('PreSignUp', {
      triggerSource: 'PreSignUp_SignUp',
      request: { userAttributes: { email: 'm@blocked.example' } },
    });
    const [record] = lambda.invocations();
    expect(record).toMatchObject({
      functionName: 'PreSignUp',
      app: 'pre-sign-up',
      triggerSource: 'PreSignUp_SignUp',
      result: { ok: false },
    });
    expect(record?.logs.join('\n')).toContain('"message":"invoked"');
  });

  it('says so when the port it was given is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(startLambdaServer({ functions: {}, port })).rejects.toThrow(
        `cannot listen on 127.0.0.1:${port}: the port is in use`,
      );
    } finally {
      blocker.close();
    }
  });
});
