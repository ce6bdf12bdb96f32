import { spawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node24Binary } from './node24';
import type { FunctionDefinition, FunctionError } from './lambda-function';

const RUNNER = fileURLToPath(new URL('./runner.mjs', import.meta.url));
const RESULT_MARK = '\u001eRESULT ';

type Pending = { resolve: (message: RunnerMessage) => void };
type RunnerMessage =
  | { type: 'ready'; initDurationMs: number }
  | ({ type: 'init-error' } & FunctionError)
  | ({ type: 'result'; id: string; ok: boolean; payload?: unknown } & Partial<FunctionError>);

/**
 * One Lambda instance (internal to {@link LambdaFunction}): a Node 24 process that imported the bundle once and serves invocations one at a time.
 *
 * @example
 * const instance = new Instance(definition, { LOG_LEVEL: "INFO" }); // then await instance.ready and instance.run(message)
 */
export class Instance {
  readonly process: ChildProcess;
  readonly ready: Promise<RunnerMessage>;
  private buffered = '';
  private logs: string[] = [];
  private waiting: Pending | undefined;
  private readyResolve!: (message: RunnerMessage) => void;
  exited = false;
  served = 0;

  constructor(definition: FunctionDefinition, environment: Record<string, string>) {
    this.ready = new Promise((resolve) => (this.readyResolve = resolve));
    this.process = spawn(node24Binary(), [RUNNER, definition.bundlePath], {
      env: environment,
      cwd: dirname(definition.bundlePath),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.process.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.onStdout(chunk));
    this.process.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) this.logs.push(line);
    });
    this.process.on('exit', (code, signal) => {
      this.exited = true;
      const failure: FunctionError = {
        errorType: 'Runtime.ExitError',
        errorMessage: `RequestId: exited with ${signal ?? `code ${code}`}`,
      };
      this.readyResolve({ type: 'init-error', ...failure });
      this.waiting?.resolve({ type: 'result', id: '', ok: false, ...failure });
      this.waiting = undefined;
    });
  }

  private onStdout(chunk: string): void {
    this.buffered += chunk;
    let newline = this.buffered.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffered.slice(0, newline);
      this.buffered = this.buffered.slice(newline + 1);
      this.onLine(line);
      newline = this.buffered.indexOf('\n');
    }
  }

  private onLine(line: string): void {
    if (!line.startsWith(RESULT_MARK)) {
      if (line.length > 0) this.logs.push(line);
      return;
    }
    const message = JSON.parse(line.slice(RESULT_MARK.length)) as RunnerMessage;
    if (message.type === 'result') {
      this.waiting?.resolve(message);
      this.waiting = undefined;
    } else {
      this.readyResolve(message);
    }
  }

  takeLogs(): string[] {
    const logs = this.logs;
    this.logs = [];
    return logs;
  }

  run(message: object): Promise<RunnerMessage> {
    return new Promise((resolve) => {
      this.waiting = { resolve };
      this.process.send(message);
    });
  }

  stop(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.process.once('exit', () => resolve());
      this.process.kill('SIGKILL');
    });
  }
}

/**
 * Runs a built trigger bundle like Lambda: each instance is its own Node 24 process holding only
 * the function's environment; instances are reused warm, started on demand up to
 * `maxConcurrency`, and killed when an invocation outlives the timeout.
 *
 * @example
 * const fn = new LambdaFunction({ name: 'post-confirmation', bundlePath, environment: { EMAIL_FROM: 'hello@acme.example' } });
 * const result = await fn.invoke(event);
 * await fn.stop();
 */
