import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { LambdaFunction } from '@cognito-triggers/lambda-runtime';
import { startCognitoLocal, type CognitoLocal } from './cognito-local';
import { startDynalite, type Dynalite } from './dynalite';
import { createIdempotencyTable } from './idempotency-table';
import { LOCAL_KMS_KEY, startKmsEmulator, type KmsEmulator } from './kms-emulator';
import { functionContext, loadFunctions, type CognitoTrigger, type FunctionWiring } from './functions';
import { startLambdaServer, type LambdaServer } from './lambda-server';
import { startSesEmulator, type SesEmulator } from './ses-emulator';
import { startSesFaultProxy, type FaultPlan, type SesFaultProxy } from './ses-fault-proxy';
import { cognitoClient, createUserPool, type LocalUserPool } from './user-pool';
import { resolveFunctions, type SkippedFunction } from './wiring';

/**
 * Options of {@link startLocalStack}.
 *
 * @example
 * const stack = await startLocalStack({ require: ['post-confirmation'], sesFaults: faultShares(FAULT_SHARES, 7), maxConcurrency: 8 });
 */
export interface LocalStackOptions {
  /** The wiring to use (default: derived from the repo's apps by {@link loadFunctions}). */
  table?: readonly FunctionWiring[];
  /** Wire only these apps (default: every row of the table whose app is built). */
  apps?: readonly string[];
  /** Apps that must be wired: the start fails with a clear message if one is missing or not built. */
  require?: readonly string[];
  /** Extra or overriding environment per app, e.g. `{ 'post-confirmation': { LOG_LEVEL: 'debug' } }`. */
  environment?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Put a fault-injecting proxy in front of the SES emulator; the functions send through it. */
  sesFaults?: FaultPlan;
  /** Instances each function may run at once (default 10, as `LambdaFunction`). */
  maxConcurrency?: number;
  /** Fixed ports (default: free ones). */
  ports?: { cognito?: number; lambda?: number };
  /** The repository root (default: found from this package). */
  root?: string;
}

/**
 * The running local stack: cognito-local with a user pool, the SES emulator, and the local Lambda
 * endpoint running every wired trigger.
 *
 * @example
 * const stack = await startLocalStack();
 * await stack.cognito.client.send(new SignUpCommand({ ClientId: stack.cognito.clientId, ... }));
 * await stack.stop();
 */
export interface LocalStack {
  readonly cognito: CognitoLocal & LocalUserPool & { readonly client: CognitoIdentityProviderClient };
  readonly ses: SesEmulator;
  /** The fault proxy, when `sesFaults` was given. */
  readonly sesFaultProxy: SesFaultProxy | undefined;
  readonly lambda: LambdaServer;
  /** DynamoDB's API (dynalite), when a wired function uses it; empty until a test or the user-migration import fills it. */
  readonly dynamodb: Dynalite | undefined;
  /** The wired functions: app name and the trigger it serves. */
  readonly wired: readonly { readonly app: string; readonly trigger: CognitoTrigger }[];
  /** The rows left out, and why. */
  readonly skipped: readonly SkippedFunction[];
  /**
   * The whole environment each wired function runs with, by app: its local settings (from its
   * `src/settings.ts`) and any `environment` override, e.g. `environments['pre-sign-up'].BLOCKED_EMAIL_DOMAINS`.
   */
  readonly environments: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** True when `app` is wired and running. */
  has(app: string): boolean;
  /** The environment that points an AWS SDK, the AWS CLI or a test at this stack. */
  readonly env: Readonly<Record<string, string>>;
  /**
   * Starts `instances` instances of a wired app and takes each past its cold start, with one
   * direct invocation of `event` apiece (not recorded by the Lambda endpoint; the answers are
   * dropped). For tests about something other than cold starts: on a loaded machine a cold
   * start's init phase eats into Cognito's 5 seconds, and the test would time the machine.
   */
  warm(app: string, event: unknown, instances: number): Promise<void>;
  /** Stops every process and server and removes the temporary files. */
  stop(): Promise<void>;
}

/**
 * Starts the whole local stack on 127.0.0.1: the SES emulator (with an optional fault proxy), each
 * built trigger app on the local Lambda endpoint with only its own configuration, and cognito-local
 * configured to call them, with a user pool and app client. Whatever started is stopped again if a
 * later part fails.
 *
 * @example
 * const stack = await startLocalStack({ require: ['post-confirmation'] });
 * console.log(stack.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, stack.skipped);
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const selected = (app: string) => !options.apps || options.apps.includes(app);
  const loaded = options.table ? { table: options.table, skipped: [] } : await loadFunctions(options.root);
  const resolved = resolveFunctions(
    loaded.table.filter((row) => selected(row.app)),
    options.root,
  );
  const { wired } = resolved;
  const skipped = [...loaded.skipped.filter((note) => selected(note.app)), ...resolved.skipped];
  for (const app of options.require ?? []) {
    const missing = skipped.find((note) => note.app === app);
    if (missing) throw new Error(`${app} ${missing.reason}`);
    if (!wired.some((entry) => entry.wiring.app === app)) throw new Error(`${app} is not an app of this workspace`);
  }

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    const ses = await startSesEmulator();
    stops.push(() => ses.stop());
    const sesFaultProxy = options.sesFaults
      ? await startSesFaultProxy({ target: ses.endpoint, plan: options.sesFaults })
      : undefined;
    if (sesFaultProxy) stops.push(() => sesFaultProxy.stop());
    const sesEndpoint = sesFaultProxy?.endpoint ?? ses.endpoint;
    // Services only some functions use start only when one of them is wired.
    const uses = (service: 'dynamodb' | 'kms') => wired.some(({ wiring }) => wiring.uses?.includes(service));
    const dynamodb: Dynalite | undefined = uses('dynamodb') ? await startDynalite() : undefined;
    if (dynamodb) {
      stops.push(() => dynamodb.stop());
      await createIdempotencyTable(dynamodb.endpoint);
    }
    const kms: KmsEmulator | undefined = uses('kms') ? await startKmsEmulator() : undefined;
    if (kms) stops.push(() => kms.stop());
    const context = functionContext({ sesEndpoint, dynamodbEndpoint: dynamodb?.endpoint, kmsEndpoint: kms?.endpoint });

    const functions: Record<string, LambdaFunction> = {};
    const triggerFunctions: Partial<Record<CognitoTrigger, string>> = {};
    const environments: Record<string, Readonly<Record<string, string>>> = {};
    for (const { wiring, bundlePath } of wired) {
      const environment = { ...wiring.environment(context), ...options.environment?.[wiring.app] };
      environments[wiring.app] = environment;
      const fn = new LambdaFunction({
        name: wiring.app,
        bundlePath,
        environment,
        ...(wiring.timeoutMs ? { timeoutMs: wiring.timeoutMs } : {}),
        ...(options.maxConcurrency ? { maxConcurrency: options.maxConcurrency } : {}),
      });
      stops.push(() => fn.stop());
      // Reachable by the app's name (as deployed) and by its trigger key, which cognito-local is
      // given: its error messages then read "PreSignUp failed with error …", as Cognito's do.
      functions[wiring.app] = fn;
      functions[wiring.trigger] = fn;
      triggerFunctions[wiring.trigger] = wiring.trigger;
    }
    const lambda = await startLambdaServer({
      functions,
      ...(options.ports?.lambda ? { port: options.ports.lambda } : {}),
    });
    stops.push(() => lambda.stop());

    const cognito = await startCognitoLocal({
      lambdaEndpoint: lambda.endpoint,
      triggerFunctions,
      ...(kms
        ? { kms: { endpoint: kms.endpoint, keyArn: LOCAL_KMS_KEY.arn, keyAlias: LOCAL_KMS_KEY.alias ?? '' } }
        : {}),
      ...(options.ports?.cognito ? { port: options.ports.cognito } : {}),
    });
    stops.push(() => cognito.stop());
    const client = cognitoClient(cognito.endpoint);
    stops.push(() => Promise.resolve(client.destroy()));
    const pool = await createUserPool(client);

    const names = new Set(wired.map((entry) => entry.wiring.app));
    return {
      cognito: { ...cognito, ...pool, client },
      ses,
      sesFaultProxy,
      lambda,
      dynamodb,
      wired: wired.map((entry) => ({ app: entry.wiring.app, trigger: entry.wiring.trigger })),
      skipped,
      environments,
      has: (app) => names.has(app),
      warm: async (app, event, instances) => {
        const fn = functions[app];
        if (!fn) throw new Error(`${app} is not wired in this local stack`);
        // All at once, so that none finds an idle instance and each starts its own.
        await Promise.all(Array.from({ length: instances }, () => fn.invoke(event)));
      },
      env: {
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
        AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint,
        // The Lambda endpoint also answers CodeDeploy's GetDeploymentGroup (none exists locally),
        // so deploy-trigger moves live itself, as for a function without a deployment group.
        AWS_ENDPOINT_URL_CODEDEPLOY: lambda.endpoint,
        AWS_ENDPOINT_URL_SES: ses.endpoint,
        ...(kms ? { AWS_ENDPOINT_URL_KMS: kms.endpoint } : {}),
        ...(dynamodb ? { AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint } : {}),
        COGNITO_USER_POOL_ID: pool.userPoolId,
        COGNITO_CLIENT_ID: pool.clientId,
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
