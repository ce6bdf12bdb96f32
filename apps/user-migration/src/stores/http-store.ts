import { LegacyDataError, LegacyStoreError } from '../errors';
import { readLegacyUser } from '../legacy-user';
import type { LegacyStore, StoreAnswer } from './legacy-store';

/**
 * Options of {@link httpStore}.
 *
 * @example
 * const options: HttpStoreOptions = { url: new URL('https://legacy.acme.example/verify'), timeoutMs: 2_000 };
 */
export interface HttpStoreOptions {
  /** `LEGACY_VERIFY_URL`: https, or http on a loopback address only (checked by the configuration). */
  readonly url: URL;
  /** `LEGACY_VERIFY_TIMEOUT_MS`: the longest one request may take; the deadline may cut it shorter. */
  readonly timeoutMs: number;
  /** The bearer token the endpoint expects, if any (`LEGACY_VERIFY_SECRET_ARN`). */
  readonly token?: (signal: AbortSignal) => Promise<string>;
  /** The fetch implementation (tests); defaults to the global one. */
  readonly fetch?: typeof fetch;
}

/** An answer larger than this is not a user record. */
const MAX_ANSWER_BYTES = 65_536;

async function readCapped(response: Response): Promise<string> {
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new LegacyDataError(
        'endpoint-answer-invalid',
        `the verify endpoint's answer is over ${MAX_ANSWER_BYTES} bytes`,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function userFrom(text: string): StoreAnswer {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new LegacyDataError('endpoint-answer-invalid', "the verify endpoint's answer is not JSON");
  }
  const read = readLegacyUser((body as { user?: unknown } | null)?.user);
  if (!read.ok) throw new LegacyDataError('endpoint-answer-invalid', `the verify endpoint's user: ${read.problem}`);
  return { outcome: 'found', user: read.user, found: true };
}

/**
 * The legacy store as an HTTP endpoint that checks credentials itself. Each call is one `POST` of
 * JSON, `{"action":"verify","username":…,"password":…}` on sign-in and
 * `{"action":"lookup","username":…}` on a forgotten password, with `Authorization: Bearer <token>`
 * when a token is configured. The endpoint answers `200 {"user":{…}}` (a legacy user: username,
 * email, emailVerified, attributes), `401` for a wrong password, `404` for no such user and `423`
 * while it locks the account out; anything else, an answer that is not such JSON, a redirect
 * (never followed: the password must not travel elsewhere), the timeout or the deadline fails
 * closed. The request is cancelled through the invocation's signal.
 *
 * @example
 * const store = httpStore({ url: new URL('https://legacy.acme.example/verify'), timeoutMs: 2_000 });
 * const answer = await store.authenticate('jane@example.com', 'hunter2', signal);
 */
export function httpStore(options: HttpStoreOptions): LegacyStore {
  const request = async (body: Record<string, string>, signal: AbortSignal): Promise<StoreAnswer> => {
    const timed = AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]);
    const token = await options.token?.(timed);
    const response = await (options.fetch ?? fetch)(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: timed,
    });
    if (response.status === 200) return userFrom(await readCapped(response));
    await response.body?.cancel();
    if (response.status === 401) return { outcome: 'rejected', reason: 'password-mismatch', found: true };
    if (response.status === 404) return { outcome: 'rejected', reason: 'user-not-found', found: false };
    if (response.status === 423) return { outcome: 'rejected', reason: 'locked', found: true };
    throw new LegacyStoreError(`the verify endpoint answered ${response.status}`, response.status);
  };
  return {
    kind: 'http',
    authenticate: (login, password, signal) => request({ action: 'verify', username: login, password }, signal),
    lookup: (login, signal) => request({ action: 'lookup', username: login }, signal),
  };
}
