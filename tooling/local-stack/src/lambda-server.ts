import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FunctionError, InvokeResult, LambdaFunction } from '@cognito-triggers/lambda-runtime';
import { LambdaControlPlane } from './lambda-control-plane';

/** Lambda's own limit for a synchronous payload. */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** Lambda returns at most the last 4 KB of the log with `X-Amz-Log-Type: Tail`. */
const LOG_TAIL_BYTES = 4 * 1024;
/** Enough for a long load test; older records are dropped first. */
const MAX_RECORDS = 20_000;
const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/;

/**
 * One invocation the endpoint served, kept so that tests and the demo can tell which trigger ran
 * and what it decided.
 *
 * @example
 * const ran = lambda.invocations().map((record) => `${record.functionName}: ${record.triggerSource}`);
 */
export interface InvocationRecord {
  /** The name the caller asked for (an alias such as `PostConfirmation`, or the app's name). */
  readonly functionName: string;
  /** The function that ran (its {@link LambdaFunction} definition name: the app). */
  readonly app: string;
  /** The event's `triggerSource`, when it had one. */
  readonly triggerSource: string | undefined;
  readonly requestId: string;
  /** When the invocation started (epoch ms). */
  readonly at: number;
  readonly durationMs: number;
  readonly event: unknown;
  /** What the function returned (`ok`) or how it failed, exactly as the endpoint answered. */
  readonly result: { ok: true; payload: unknown } | { ok: false; error: FunctionError };
  /** The lines the function wrote during this invocation. */
  readonly logs: readonly string[];
}

/**
 * A running Lambda Invoke API endpoint on 127.0.0.1.
 *
 * @example
 * const lambda = await startLambdaServer({ functions: { 'post-confirmation': fn } });
 * // AWS SDK / CLI: endpoint lambda.endpoint, any credentials
 * await lambda.stop();
 */
export interface LambdaServer {
  /** Give it to an SDK client or the AWS CLI as the Lambda endpoint (`AWS_ENDPOINT_URL_LAMBDA`). */
  readonly endpoint: string;
  /** The names the endpoint answers to. */
  readonly functionNames: readonly string[];
  /** Every invocation served so far, oldest first. */
  invocations(): InvocationRecord[];
  /** Forgets the recorded invocations. */
  clear(): void;
  /** Stops listening (the functions themselves are their owner's to stop). */
  stop(): Promise<void>;
}

/**
 * Options of {@link startLambdaServer}.
 *
 * @example
 * const lambda = await startLambdaServer({ functions: { 'pre-sign-up': fn, PreSignUp: fn }, port: 3002 });
 */
export interface LambdaServerOptions {
  /** The functions by the names callers use; one function may appear under several names. */
  functions: Readonly<Record<string, LambdaFunction>>;
  /** A fixed port; by default the OS picks a free one. */
  port?: number;
  /** Used in ARNs of error messages (default `us-east-1`). */
  region?: string;
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response
    .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers })
    .end(text);
}

/** An API error in the shape the AWS SDKs parse for Lambda's REST-JSON protocol. */
function apiError(response: ServerResponse, status: number, code: string, message: string): void {
  json(response, status, { Type: 'User', message }, { 'x-amzn-errortype': code, 'x-amzn-requestid': randomUUID() });
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_PAYLOAD_BYTES ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** `name[:qualifier]`, `arn:aws:lambda:region:account:function:name[:qualifier]` or `account:function:name` -> name and qualifier. */
function functionNameOf(raw: string): { name: string; qualifier: string | undefined } {
  const marker = raw.indexOf('function:');
  const [name = raw, qualifier] = (marker < 0 ? raw : raw.slice(marker + 'function:'.length)).split(':');
  return { name, qualifier };
}

function triggerSourceOf(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const source = (event as { triggerSource?: unknown }).triggerSource;
  return typeof source === 'string' ? source : undefined;
}

function logTail(logs: readonly string[]): string {
  const text = Buffer.from(logs.map((line) => `${line}\n`).join(''), 'utf8');
  return text.subarray(Math.max(0, text.length - LOG_TAIL_BYTES)).toString('base64');
}

/**
 * Starts a small Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`) on 127.0.0.1,
 * backed by {@link LambdaFunction}s: what cognito-local, an SDK client or `aws lambda invoke` call.
 * It also answers the control-plane calls `deploy-trigger` makes ({@link LambdaControlPlane}), so a
 * deploy or a rollback swaps the running trigger, and an unqualified invocation runs `live`.
 * It answers as Lambda does: the function's result with 200; a function error with 200,
 * `X-Amz-Function-Error: Unhandled` and `{ errorType, errorMessage, trace }`; an unknown function
 * with 404 `ResourceNotFoundException`. `Event` invocations get 202, `DryRun` 204, and
 * `X-Amz-Log-Type: Tail` the last 4 KB of the log in `X-Amz-Log-Result`.
 *
 * @example
 * const fn = new LambdaFunction({ name: 'post-confirmation', bundlePath, environment });
 * const lambda = await startLambdaServer({ functions: { 'post-confirmation': fn, PostConfirmation: fn } });
 */
export async function startLambdaServer(options: LambdaServerOptions): Promise<LambdaServer> {
  const region = options.region ?? 'us-east-1';
  const functions = new Map(Object.entries(options.functions));
  const controlPlane = new LambdaControlPlane(functions, region);
  let records: InvocationRecord[] = [];
  const sockets = new Set<Socket>();

  const record = (functionName: string, fn: LambdaFunction, event: unknown, at: number, result: InvokeResult): void => {
    records.push({
      functionName,
      app: fn.definition.name,
      triggerSource: triggerSourceOf(event),
      requestId: result.requestId,
      at,
      durationMs: result.durationMs,
      event,
      result: result.ok ? { ok: true, payload: result.payload } : { ok: false, error: result.error },
      logs: result.logs,
    });
    if (records.length > MAX_RECORDS) records = records.slice(-MAX_RECORDS);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const target = String(request.headers['x-amz-target'] ?? '');
    if (target.startsWith('CodeDeploy_20141006.')) {
      // deploy-trigger asks CodeDeploy whether the stack made a deployment group; locally none is.
      await readBody(request);
      return json(
        response,
        400,
        {
          __type: 'DeploymentGroupDoesNotExistException',
          message: 'the local stack has no CodeDeploy deployment groups',
        },
        { 'x-amzn-requestid': randomUUID() },
      );
    }
    if (!INVOKE_PATH.test(path)) {
      const body = await readBody(request);
      const answer =
        body === 'too-large'
          ? undefined
          : await controlPlane.handle(request.method ?? 'GET', path, url.searchParams, body);
      if (answer?.errorType)
        return apiError(
          response,
          answer.status,
          answer.errorType,
          String((answer.body as { message?: unknown }).message),
        );
      if (answer) return json(response, answer.status, answer.body, { 'x-amzn-requestid': randomUUID() });
      return apiError(response, 404, 'UnknownOperationException', `Unknown operation ${request.method ?? ''} ${path}`);
    }
    const match = INVOKE_PATH.exec(path);
    if (!match || request.method !== 'POST') {
      await readBody(request);
      return apiError(response, 404, 'UnknownOperationException', `Unknown operation ${request.method ?? ''} ${path}`);
    }
    const { name: functionName, qualifier } = functionNameOf(decodeURIComponent(match[1] ?? ''));
    const body = await readBody(request);
    const fn = controlPlane.resolve(functionName, qualifier ?? url.searchParams.get('Qualifier') ?? undefined);
    if (!fn) {
      return apiError(
        response,
        404,
        'ResourceNotFoundException',
        `Function not found: arn:aws:lambda:${region}:000000000000:function:${functionName}`,
      );
    }
    if (body === 'too-large') {
      return apiError(
        response,
        413,
        'RequestTooLargeException',
        `Request must be smaller than ${MAX_PAYLOAD_BYTES} bytes for the InvokeFunction operation`,
      );
    }
    let event: unknown = {};
    if (body.length > 0) {
      try {
        event = JSON.parse(body.toString('utf8')) as unknown;
      } catch (error) {
        return apiError(
          response,
          400,
          'InvalidRequestContentException',
          `Could not parse request body into json: ${(error as Error).message}`,
        );
      }
    }
    const invocationType = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
    if (invocationType === 'DryRun') {
      response.writeHead(204, { 'x-amzn-requestid': randomUUID() }).end();
      return;
    }
    const requestId = randomUUID();
    const at = Date.now();
    if (invocationType === 'Event') {
      // Asynchronous: Lambda accepts the event and runs it later; the caller learns nothing more.
      response.writeHead(202, { 'x-amzn-requestid': requestId }).end();
      record(functionName, fn, event, at, await fn.invoke(event, { requestId }));
      return;
    }
    const result = await fn.invoke(event, { requestId });
    record(functionName, fn, event, at, result);
    const headers: Record<string, string> = { 'x-amzn-requestid': requestId, 'x-amz-executed-version': '$LATEST' };
    if (String(request.headers['x-amz-log-type'] ?? '') === 'Tail') headers['x-amz-log-result'] = logTail(result.logs);
    if (result.ok) return json(response, 200, result.payload ?? null, headers);
    json(
      response,
      200,
      { errorType: result.error.errorType, errorMessage: result.error.errorMessage, trace: result.error.trace ?? [] },
      { ...headers, 'x-amz-function-error': 'Unhandled' },
    );
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        apiError(response, 500, 'ServiceException', `local Lambda endpoint failed: ${(error as Error).message}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `the local Lambda endpoint cannot listen on 127.0.0.1:${options.port}: the port is in use; choose another or free it`,
              { cause: error },
            )
          : error,
      );
    });
    // Port 0: the OS picks a free port at bind time, so no other process can take it in between.
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    functionNames: [...functions.keys()],
    invocations: () => [...records],
    clear: () => {
      records = [];
    },
    stop: async () => {
      await new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
      await controlPlane.stop();
    },
  };
}
