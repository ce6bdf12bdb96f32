import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LegacyDataError, type LegacyStoreError } from '../src/errors';
import { httpStore } from '../src/stores/http-store';

// The legacy system's verify-credentials endpoint, on 127.0.0.1: whatever a test makes it answer.
type Answer = (body: Record<string, unknown>, request: IncomingMessage, response: ServerResponse) => void;
let answer: Answer;
let requests: { body: Record<string, unknown>; authorization: string | undefined }[] = [];
let server: Server;
let url: URL;
const signal = new AbortController().signal;

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const body = JSON.parse(text) as Record<string, unknown>;
      requests.push({ body, authorization: request.headers.authorization });
      answer(body, request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/verify`);
});
afterEach(() => {
  requests = [];
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const json =
  (status: number, body: unknown): Answer =>
  (_body, _request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
const USER = { username: 'jdoe', email: 'jane@example.com', emailVerified: true, attributes: { first_name: 'Jane' } };

describe('the HTTP legacy store against a verify-credentials endpoint', () => {
  it('posts the login and password, with the bearer token, and reads the user the endpoint vouches for', async () => {
    answer = json(200, { user: USER });
    const store = httpStore({ url, timeoutMs: 2_000, token: async () => 's3cret-token' });
    expect(await store.authenticate('jane@example.com', 'hunter2', signal)).toEqual({
      outcome: 'found',
      found: true,
      user: USER,
    });
    expect(requests).toEqual([
      {
        body: { action: 'verify', username: 'jane@example.com', password: 'hunter2' },
        authorization: 'Bearer s3cret-token',
      },
    ]);
  });

  it('asks for a lookup without a password on a forgotten password', async () => {
    answer = json(200, { user: USER });
    await httpStore({ url, timeoutMs: 2_000 }).lookup('jdoe', signal);
    expect(requests).toEqual([{ body: { action: 'lookup', username: 'jdoe' }, authorization: undefined }]);
  });

  it.each([
    [401, 'password-mismatch', true],
    [404, 'user-not-found', false],
    [423, 'locked', true],
  ] as const)('reads %i as %s', async (status, reason, found) => {
    answer = json(status, { error: 'nope' });
    expect(await httpStore({ url, timeoutMs: 2_000 }).authenticate('jdoe', 'x', signal)).toEqual({
      outcome: 'rejected',
      reason,
      found,
    });
  });

  it.each([500, 503, 429, 400])('fails on %i as an outage', async (status) => {
    answer = json(status, {});
    await expect(httpStore({ url, timeoutMs: 2_000 }).authenticate('jdoe', 'x', signal)).rejects.toMatchObject({
      name: 'LegacyStoreError',
      httpStatusCode: status,
    } satisfies Partial<LegacyStoreError>);
  });

  it('never follows a redirect, so the password cannot travel elsewhere', async () => {
    answer = (_body, _request, response) => response.writeHead(307, { location: 'https://elsewhere.example/' }).end();
    await expect(httpStore({ url, timeoutMs: 2_000 }).authenticate('jdoe', 'x', signal)).rejects.toThrow(TypeError);
    expect(requests).toHaveLength(1);
  });

  it.each([
    [
      'not JSON',
      (_b: unknown, _q: IncomingMessage, response: ServerResponse) => response.end('<html>'),
      "the verify endpoint's answer is not JSON",
    ],
    ['no user', json(200, { ok: true }), "the verify endpoint's user: the user must be a JSON object"],
    [
      'a bad user',
      json(200, { user: { ...USER, emailVerified: 'yes' } }),
      "the verify endpoint's user: emailVerified must be true or false",
    ],
    [
      'over 64 KiB',
      json(200, { user: USER, padding: 'x'.repeat(70_000) }),
      "the verify endpoint's answer is over 65536 bytes",
    ],
  ])('refuses an answer that is %s as a data error', async (_name, reply, message) => {
    answer = reply;
    const error = await httpStore({ url, timeoutMs: 2_000 })
      .authenticate('jdoe', 'x', signal)
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LegacyDataError);
    expect(error).toMatchObject({ code: 'endpoint-answer-invalid', message });
  });

  it('gives up at its own timeout when the endpoint never answers', async () => {
    answer = () => undefined;
    await expect(httpStore({ url, timeoutMs: 200 }).authenticate('jdoe', 'x', signal)).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  it("is cancelled by the invocation's signal, whatever the timeout", async () => {
    answer = () => undefined;
    const controller = new AbortController();
    const pending = httpStore({ url, timeoutMs: 4_000 }).authenticate('jdoe', 'x', controller.signal);
    await expect.poll(() => requests.length).toBe(1);
    controller.abort(new Error('deadline'));
    await expect(pending).rejects.toThrow('deadline');
  });
});
