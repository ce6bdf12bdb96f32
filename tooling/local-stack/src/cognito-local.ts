import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeDeliveryReader, type CodeDelivery } from './code-deliveries';
import type { CognitoTrigger } from './functions';
import { freePort } from './ports';
import { httpReady, onExit, startService, type Service } from './processes';

const require = createRequire(import.meta.url);

/**
 * Cognito's own limit for a synchronous trigger, which cognito-local's Lambda client is given.
 *
 * @example
 * const httpOptions = { timeout: COGNITO_TRIGGER_TIMEOUT_MS, connectTimeout: 1_000 };
 */
export const COGNITO_TRIGGER_TIMEOUT_MS = 5_000;

/**
 * A running cognito-local on 127.0.0.1.
 *
 * @example
 * const cognito = await startCognitoLocal({ lambdaEndpoint, triggerFunctions: { PostConfirmation: 'PostConfirmation' } });
 * const { code } = await cognito.waitForCode('jane@example.com');
 */
export interface CognitoLocal {
  /** The Cognito user-pool API endpoint (`AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`). */
  readonly endpoint: string;
  /** The temporary working directory holding `.cognito/config.json` and the database; removed on stop. */
  readonly configDir: string;
  /** Every confirmation code cognito-local printed, oldest first. */
  deliveries(): CodeDelivery[];
  /**
   * The code delivered to `destination` after `skip` earlier ones (default 0: the first), waiting
   * up to `timeoutMs` (default 30 s, generous for a loaded machine) for it to be printed; it
   * returns as soon as the code is there.
   */
  waitForCode(destination: string, options?: { skip?: number; timeoutMs?: number }): Promise<CodeDelivery>;
  /** The last few KB of cognito-local's console, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Options of {@link startCognitoLocal}.
 *
 * @example
 * const options: CognitoLocalOptions = { lambdaEndpoint: lambda.endpoint, triggerFunctions: { PreSignUp: 'PreSignUp' } };
 */
export interface CognitoLocalOptions {
  /** The Lambda Invoke API cognito-local calls triggers through. */
  lambdaEndpoint: string;
  /** Trigger key -> function name on that endpoint. */
  triggerFunctions: Partial<Record<CognitoTrigger, string>>;
  /** A fixed port; by default a free one. */
  port?: number;
  /**
   * The KMS API and key cognito-local encrypts a CustomEmailSender's codes with (through the
   * Encryption SDK's KMS keyring, as Cognito does); needed only when that trigger is wired.
   */
  kms?: { endpoint: string; keyArn: string; keyAlias: string };
}

/**
 * The `.cognito/config.json` cognito-local reads from its working directory: its Lambda client
 * pointed at the local endpoint with no retries and Cognito's 5 s timeout, every wired trigger,
 * dummy credentials, and the server on 127.0.0.1.
 *
 * @example
 * writeFileSync('.cognito/config.json', JSON.stringify(cognitoLocalConfig({ lambdaEndpoint, triggerFunctions, port: 9229 })));
 */
export function cognitoLocalConfig(
  options: Required<Omit<CognitoLocalOptions, 'kms'>> & Pick<CognitoLocalOptions, 'kms'>,
): Record<string, unknown> {
  return {
    LambdaClient: {
      endpoint: options.lambdaEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      // Cognito calls a trigger once and waits at most 5 s; SDK retries would hide slow or failing triggers.
      maxRetries: 0,
      httpOptions: { timeout: COGNITO_TRIGGER_TIMEOUT_MS, connectTimeout: 1_000 },
    },
    TriggerFunctions: options.triggerFunctions,
    UserPoolDefaults: { UsernameAttributes: ['email'] },
    TokenConfig: { IssuerDomain: `http://127.0.0.1:${options.port}` },
    KMSConfig: {
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      ...(options.kms
        ? { endpoint: options.kms.endpoint, KMSKeyId: options.kms.keyArn, KMSKeyAlias: options.kms.keyAlias }
        : {}),
    },
    ServerConfig: { hostname: '127.0.0.1', port: options.port, https: false },
  };
}

const MAIN = fileURLToPath(new URL('./cognito-local-main.cjs', import.meta.url));

/** The installed cognito-local package (the version the catalog pins). */
function cognitoLocalPackageDir(): string {
  return dirname(require.resolve('cognito-local/package.json'));
}

/** Feeds the `msg` of each JSON log line cognito-local writes to the code reader. */
function jsonLines(onMessage: (message: string) => void): (chunk: string) => void {
  let partial = '';
  return (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as { msg?: unknown };
        if (typeof entry.msg === 'string') onMessage(`${entry.msg}\n`);
      } catch {
        // Not a log line (a stack trace printed by Node, say): no code in it.
      }
    }
  };
}

/**
 * Starts cognito-local (the pinned npm package) as a child process, with a generated configuration
 * in a temporary directory that is removed when it stops or this process exits, and waits until it
 * answers. A port that is taken gives a clear error.
 *
 * @example
 * const cognito = await startCognitoLocal({ lambdaEndpoint: lambda.endpoint, triggerFunctions: { PreSignUp: 'PreSignUp' } });
 */
export async function startCognitoLocal(options: CognitoLocalOptions): Promise<CognitoLocal> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'cognito-local-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const forgetDir = onExit(removeDir);
  mkdirSync(join(dir, '.cognito'));
  writeFileSync(
    join(dir, '.cognito', 'config.json'),
    JSON.stringify(cognitoLocalConfig({ ...options, port }), null, 2),
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const reader = new CodeDeliveryReader();
  const waiters = new Set<() => void>();

  // A fixed CODE would make every code the same: tests and the demo must read the real ones.
  const { CODE: _fixedCode, ...env } = process.env;
  let service: Service;
  try {
    service = await startService(
      'cognito-local',
      process.execPath,
      [MAIN, cognitoLocalPackageDir()],
      () => httpReady(`${endpoint}/health`),
      {
        cwd: dir,
        // It loads aws-sdk v2 and express on start: seconds on a busy two-core CI machine.
        readyTimeoutMs: 90_000,
        env: {
          ...env,
          // aws-sdk v2 (cognito-local's Lambda client) otherwise prints an end-of-support notice.
          AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
          // Wide enough that boxen does not wrap the code box's lines.
          COLUMNS: '400',
          NO_COLOR: '1',
        },
        onOutput: jsonLines((message) => {
          if (reader.push(message).length > 0) for (const wake of waiters) wake();
        }),
      },
    );
  } catch (error) {
    removeDir();
    forgetDir();
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('EADDRINUSE')) {
      throw new Error(
        `cognito-local cannot listen on 127.0.0.1:${port}: the port is in use; choose another or free it`,
        { cause: error },
      );
    }
    throw error;
  }

  return {
    endpoint,
    configDir: dir,
    deliveries: () => reader.deliveries(),
    async waitForCode(destination, { skip, timeoutMs = 30_000 } = {}) {
      const matching = () => reader.deliveries().filter((delivery) => delivery.destination === destination);
      const seen = skip ?? 0;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const next = matching()[seen];
        if (next) return next;
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(
            `cognito-local printed no code for this address within ${timeoutMs} ms:\n${service.output().slice(-1500)}`,
          );
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, Math.min(left, 200));
          waiters.add(wake);
        });
      }
    },
    output: () => service.output(),
    async stop() {
      await service.stop();
      removeDir();
      forgetDir();
    },
  };
}
