import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { freePort } from './ports';

/**
 * The kinds of SES trouble the proxy can inject:
 * - `throttle`: 400 `Throttling` ("Maximum sending rate exceeded."), which the SDK retries;
 * - `reject`: 400 `MessageRejected` quoting the recipient's address, as SES does for unverified identities;
 * - `server-error`: 500 `InternalFailure`;
 * - `hang`: accepts the request and never answers.
 *
 * @example
 * const shares: Partial<Record<SesFault, number>> = { throttle: 0.1, 'server-error': 0.06, reject: 0.04, hang: 0.01 };
 */
export type SesFault = 'throttle' | 'reject' | 'server-error' | 'hang';

/**
 * Which fault (or none) the n-th request (from 1) gets.
 *
 * @example
 * const plan: FaultPlan = (n) => (n === 1 ? 'throttle' : undefined); // only the first request is throttled
 */
export type FaultPlan = (requestNumber: number) => SesFault | undefined;

/**
 * Counters of what a {@link SesFaultProxy} did.
 *
 * @example
 * expect(proxy.counts()).toMatchObject({ requests: 2, throttle: 1, forwarded: 1 });
 */
export interface FaultCounts {
  requests: number;
  forwarded: number;
  throttle: number;
  reject: number;
  'server-error': number;
  hang: number;
}

/**
 * A fault-injecting SES endpoint on 127.0.0.1, optionally in front of a real emulator.
 *
 * @example
 * const proxy = await startSesFaultProxy({ target: ses.endpoint, plan: faultShares({ throttle: 0.1, hang: 0.05 }) });
 */
export interface SesFaultProxy {
  readonly endpoint: string;
  counts(): FaultCounts;
  /**
   * The body of every request received so far, in order, exactly as it came over the wire (only
   * with `keepBodies: true`; empty otherwise). What a test asserts to see what the SDK really sent.
   */
  bodies(): readonly string[];
  stop(): Promise<void>;
}

/**
 * A plan that fails a share of requests at random, reproducibly (seeded).
 *
 * @example
 * faultShares({ throttle: 0.1, 'server-error': 0.05, hang: 0.02 }, 42);
 */
export function faultShares(shares: Partial<Record<SesFault, number>>, seed = 1): FaultPlan {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32: small, fast and reproducible across runs.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const entries = Object.entries(shares) as [SesFault, number][];
  return () => {
    let roll = random();
    for (const [fault, share] of entries) {
      if (roll < share) return fault;
      roll -= share;
    }
    return undefined;
  };
}

const ERRORS: Record<
  Exclude<SesFault, 'hang'>,
  { status: number; type: string; code: string; message: (to: string) => string }
> = {
  throttle: { status: 400, type: 'Sender', code: 'Throttling', message: () => 'Maximum sending rate exceeded.' },
  reject: {
    status: 400,
    type: 'Sender',
    code: 'MessageRejected',
    message: (to) =>
      `Email address is not verified. The following identities failed the check in region US-EAST-1: ${to}`,
  },
  'server-error': {
    status: 500,
    type: 'Receiver',
    code: 'InternalFailure',
    message: () => 'An internal error occurred.',
  },
};

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendError(response: ServerResponse, fault: Exclude<SesFault, 'hang'>, to: string): void {
  const error = ERRORS[fault];
  const xml = `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>${error.type}</Type><Code>${error.code}</Code><Message>${error.message(to)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
  response.writeHead(error.status, { 'content-type': 'text/xml' }).end(xml);
}

async function forward(
  target: string,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string' && name !== 'host' && name !== 'content-length' && name !== 'connection')
      headers.set(name, value);
  }
  const upstream = await fetch(new URL(request.url ?? '/', target), {
    method: request.method ?? 'POST',
    headers,
    body: body.length > 0 ? body : undefined,
  });
  const text = Buffer.from(await upstream.arrayBuffer());
  response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' }).end(text);
}

/**
 * Starts an SES endpoint that injects faults by plan, forwarding the rest to `target` (or, with no
 * target, answering them with a successful SendEmail response). With `keepBodies`, it keeps every
 * request's body for {@link SesFaultProxy.bodies}.
 *
 * @example
 * const proxy = await startSesFaultProxy({ plan: () => 'throttle' });
 * const recorder = await startSesFaultProxy({ target: ses.endpoint, plan: () => undefined, keepBodies: true });
 */
export async function startSesFaultProxy(options: {
  plan: FaultPlan | SesFault;
  target?: string;
  keepBodies?: boolean;
}): Promise<SesFaultProxy> {
  const plan: FaultPlan =
    typeof options.plan === 'function'
      ? options.plan
      : (
          (fault: SesFault) => () =>
            fault
        )(options.plan);
  const counts: FaultCounts = { requests: 0, forwarded: 0, throttle: 0, reject: 0, 'server-error': 0, hang: 0 };
  const bodies: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      counts.requests += 1;
      if (options.keepBodies) bodies.push(body.toString('utf8'));
      const fault = plan(counts.requests);
      if (fault) counts[fault] += 1;
      if (fault === 'hang') return;
      const to =
        new URLSearchParams(body.toString('utf8')).get('Destination.ToAddresses.member.1') ?? 'unknown@example.com';
      if (fault) return sendError(response, fault, to);
      counts.forwarded += 1;
      if (options.target) return forward(options.target, request, body, response);
      response
        .writeHead(200, { 'content-type': 'text/xml' })
        .end(
          `<SendEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendEmailResult><MessageId>${randomUUID()}</MessageId></SendEmailResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></SendEmailResponse>`,
        );
    })().catch(() => {
      if (!response.headersSent) sendError(response, 'server-error', '');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    bodies: () => [...bodies],
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * An endpoint on 127.0.0.1 where nothing listens: connections are refused.
 *
 * @example
 * const endpoint = await refusingEndpoint(); // AWS_ENDPOINT_URL_SES for the "SES is down" case
 */
export async function refusingEndpoint(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}
