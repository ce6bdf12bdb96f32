import { spawn, type ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();
/** How long {@link startService} waits for a service to become ready unless told otherwise. */
const DEFAULT_READY_TIMEOUT_MS = 90_000;
const cleanups = new Set<() => void>();
let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  const killAll = () => {
    for (const child of running) child.kill('SIGKILL');
    // Only synchronous work runs in an 'exit' handler: cleanups must not await.
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch {
        // A failed cleanup must not stop the others.
      }
    }
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/**
 * Runs `cleanup` (synchronously) when this process exits, is interrupted or terminated, unless the
 * returned function is called first. For what a child process cannot clean up itself, such as
 * temporary directories.
 *
 * @example
 * const forget = onExit(() => rmSync(dir, { recursive: true, force: true }));
 * // ... later, after removing it normally:
 * forget();
 */
export function onExit(cleanup: () => void): () => void {
  installExitHooks();
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/**
 * A child process started by {@link startService}.
 *
 * @example
 * const service = await startService('cognito-local', process.execPath, [MAIN, dir], () => httpReady(`${endpoint}/health`));
 * await service.stop();
 */
export interface Service {
  readonly name: string;
  readonly child: ChildProcess;
  /** What the process printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a long-running child process, waits until `isReady` says so, and makes sure it is killed
 * when this process exits, is interrupted, or the start fails. A process that exits or never
 * becomes ready gives an error naming the service and quoting its output.
 *
 * @example
 * const ses = await startService('ses', process.execPath, [cli, '--port', '8005'], () => ping(url));
 */
export async function startService(
  name: string,
  command: string,
  args: readonly string[],
  isReady: () => Promise<boolean>,
  options: { env?: NodeJS.ProcessEnv; cwd?: string; readyTimeoutMs?: number; onOutput?: (chunk: string) => void } = {},
): Promise<Service> {
  installExitHooks();
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  // Decoded per stream, so that a character split across two chunks stays whole.
  const collect = (text: string) => {
    output = (output + text).slice(-4_000);
    options.onOutput?.(text);
  };
  child.stdout?.setEncoding('utf8').on('data', collect);
  child.stderr?.setEncoding('utf8').on('data', collect);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    running.delete(child);
    exited = signal ?? `code ${code}`;
  });
  child.on('error', (error) => {
    exited = error.message;
  });

  const service: Service = {
    name,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== undefined || child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 2_000).unref();
      }),
  };

  // Generous, because it only bounds a start that is failing: a loaded machine starts an emulator
  // slowly, and polling returns as soon as it answers.
  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new Error(`${name} could not start (exited with ${exited}):\n${output.trim()}`);
    }
    if (await isReady().catch(() => false)) return service;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await service.stop();
  throw new Error(`${name} did not become ready within ${readyTimeoutMs} ms:\n${output.trim()}`);
}

/**
 * True when an HTTP GET of `url` answers with a status below 500.
 *
 * @example
 * await httpReady('http://127.0.0.1:8005/health-check');
 */
export async function httpReady(url: string): Promise<boolean> {
  // One probe may take a while on a loaded machine; the caller polls again after a failed one.
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  await response.body?.cancel();
  return response.status < 500;
}
