import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Instance } from './instance';

/**
 * A function as Lambda would run it: its built bundle, its own environment and its timeout.
 *
 * @example
 * const fn = new LambdaFunction({ name: 'post-confirmation', bundlePath: 'apps/post-confirmation/dist/index.mjs' });
 */
export interface FunctionDefinition {
  name: string;
  /** The built `dist/index.mjs`: the artifact that is deployed, not the TypeScript source. */
  bundlePath: string;
  /** The function's configuration; nothing else of the parent's environment is passed on. */
  environment?: Readonly<Record<string, string>>;
  /** Lambda's timeout for the function (default 6 s). */
  timeoutMs?: number;
  memoryMb?: number;
  /** How many instances may run at once; further invocations wait (default 10). */
  maxConcurrency?: number;
}

/**
 * An error as Lambda reports it for a failed invocation.
 *
 * @example
 * const error: FunctionError = { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 6.00 seconds' };
 */
export interface FunctionError {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

/**
 * The outcome of one invocation, with the log lines the function wrote during it.
 *
 * @example
 * const result = await fn.invoke(event);
 * if (!result.ok) console.log(result.error.errorMessage);
 */
export type InvokeResult = {
  requestId: string;
  logs: string[];
  durationMs: number;
  coldStart: boolean;
  initDurationMs: number | undefined;
} & ({ ok: true; payload: unknown } | { ok: false; error: FunctionError });

export class LambdaFunction {
  readonly definition: FunctionDefinition;
  private readonly idle: Instance[] = [];
  private readonly all = new Set<Instance>();
  private readonly queue: ((instance: Instance | undefined) => void)[] = [];
  private stopped = false;

  constructor(definition: FunctionDefinition) {
    if (!existsSync(definition.bundlePath)) {
      throw new Error(`${definition.name}: no bundle at ${definition.bundlePath}; run "pnpm build" first`);
    }
    this.definition = definition;
  }

  private environment(): Record<string, string> {
    const region = this.definition.environment?.AWS_REGION ?? 'us-east-1';
    return {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      TZ: ':UTC',
      LANG: 'en_US.UTF-8',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      AWS_LAMBDA_FUNCTION_NAME: this.definition.name,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(this.definition.memoryMb ?? 256),
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      // Emulators accept any credentials; the SDK only needs something to sign with.
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      LAMBDA_TASK_ROOT: dirname(this.definition.bundlePath),
      NODE_OPTIONS: '--enable-source-maps',
      ...this.definition.environment,
    };
  }

  private acquire(): Promise<Instance | undefined> {
    if (this.stopped) return Promise.resolve(undefined);
    const idle = this.idle.pop();
    if (idle && !idle.exited) return Promise.resolve(idle);
    if (this.all.size < (this.definition.maxConcurrency ?? 10)) {
      const instance = new Instance(this.definition, this.environment());
      this.all.add(instance);
      return Promise.resolve(instance);
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(instance: Instance): void {
    if (instance.exited) {
      this.all.delete(instance);
      const next = this.queue.shift();
      if (next) void this.acquire().then(next);
      return;
    }
    const next = this.queue.shift();
    if (next) next(instance);
    else this.idle.push(instance);
  }

  /**
   * Invokes the function with an event, as Lambda's Invoke API would.
   *
   * @example
   * const { ok, payload, logs } = await fn.invoke(triggerEvent('PostConfirmation_ConfirmSignUp'));
   */
  async invoke(event: unknown, options: { requestId?: string } = {}): Promise<InvokeResult> {
    const requestId = options.requestId ?? randomUUID();
    const instance = await this.acquire();
    if (!instance) {
      return {
        requestId,
        logs: [],
        durationMs: 0,
        coldStart: false,
        initDurationMs: undefined,
        ok: false,
        error: { errorType: 'ServiceException', errorMessage: 'function stopped' },
      };
    }
    const coldStart = instance.served === 0;
    instance.served += 1;
    const startedAt = Date.now();
    const ready = await instance.ready;
    if (ready.type === 'init-error') {
      const logs = instance.takeLogs();
      await instance.stop();
      this.release(instance);
      return {
        requestId,
        logs,
        durationMs: Date.now() - startedAt,
        coldStart,
        initDurationMs: undefined,
        ok: false,
        error: {
          errorType: ready.errorType,
          errorMessage: ready.errorMessage,
          ...(ready.trace ? { trace: ready.trace } : {}),
        },
      };
    }
    const timeoutMs = this.definition.timeoutMs ?? 6_000;
    const invokedAt = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([
      instance.run({
        type: 'invoke',
        id: requestId,
        event,
        deadline: invokedAt + timeoutMs,
        requestId,
        functionName: this.definition.name,
        memoryMb: this.definition.memoryMb ?? 256,
      }),
      timedOut,
    ]);
    clearTimeout(timer);
    const durationMs = Date.now() - invokedAt;
    const initDurationMs = coldStart && ready.type === 'ready' ? ready.initDurationMs : undefined;
    const base = { requestId, durationMs, coldStart, initDurationMs };
    if (outcome === 'timeout') {
      // Lambda ends a timed-out instance; the next invocation starts cold.
      await instance.stop();
      const logs = instance.takeLogs();
      this.release(instance);
      return {
        ...base,
        logs,
        ok: false,
        error: {
          errorType: 'Sandbox.Timedout',
          errorMessage: `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
        },
      };
    }
    const logs = instance.takeLogs();
    this.release(instance);
    if (outcome.type === 'result' && outcome.ok) return { ...base, logs, ok: true, payload: outcome.payload };
    const error = outcome as Partial<FunctionError>;
    return {
      ...base,
      logs,
      ok: false,
      error: {
        errorType: error.errorType ?? 'Error',
        errorMessage: error.errorMessage ?? '',
        ...(error.trace ? { trace: error.trace } : {}),
      },
    };
  }

  /** Stops every instance. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const resolve of this.queue.splice(0)) resolve(undefined);
    await Promise.all([...this.all].map((instance) => instance.stop()));
    this.all.clear();
    this.idle.length = 0;
  }
}

/**
 * Runs a bundle once on a fresh instance (a cold start) and stops it.
 *
 * @example
 * const result = await invokeBundle({ name: 'pc', bundlePath, environment }, event);
 */
export async function invokeBundle(definition: FunctionDefinition, event: unknown): Promise<InvokeResult> {
  const fn = new LambdaFunction(definition);
  try {
    return await fn.invoke(event);
  } finally {
    await fn.stop();
  }
}
