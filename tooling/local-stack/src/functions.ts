import type { LambdaConfigSlot } from '@cognito-triggers/trigger-core';
import {
  familyOfSlot,
  findWorkspaceRoot,
  listTriggerApps,
  loadAppSettings,
  localEnvironment,
  type LocalStackContext,
  type TriggerApp,
} from '@cognito-triggers/workspace';
import { LOCAL_IDEMPOTENCY_TABLE } from './idempotency-table';
import { LOCAL_KMS_KEY } from './kms-emulator';
import type { SkippedFunction } from './wiring';

/**
 * The Cognito user-pool trigger keys cognito-local 5.3 calls, as its `TriggerFunctions` (and a
 * pool's `LambdaConfig`) name them: a fact about the emulator, checked against trigger-core's slots.
 *
 * @example
 * const isTrigger = (key: string): key is CognitoTrigger => (COGNITO_TRIGGERS as readonly string[]).includes(key);
 */
export const COGNITO_TRIGGERS = [
  'PreSignUp',
  'CustomMessage',
  'PostConfirmation',
  'PreAuthentication',
  'PostAuthentication',
  'PreTokenGeneration',
  'UserMigration',
  'CustomEmailSender',
] as const satisfies readonly LambdaConfigSlot[];

/**
 * A trigger key of {@link COGNITO_TRIGGERS}.
 *
 * @example
 * const triggerFunctions: Partial<Record<CognitoTrigger, string>> = { PostConfirmation: 'PostConfirmation' };
 */
export type CognitoTrigger = (typeof COGNITO_TRIGGERS)[number];

/**
 * The local user pool's own settings (the apps' local values are in each app's `src/settings.ts`).
 *
 * @example
 * LOCAL_USER_POOL.customAttributes.map((attribute) => `custom:${attribute.name}`); // ['custom:tenant_id', 'custom:seats']
 */
export const LOCAL_USER_POOL = {
  /** The custom attributes the pool defines, which pre-token-generation's local claims map. */
  customAttributes: [
    { name: 'tenant_id', type: 'String' },
    { name: 'seats', type: 'Number' },
  ],
} as const;

/**
 * Local services a function may need beyond SES, which the stack starts only when a wired
 * function names them.
 *
 * @example
 * const uses: readonly LocalService[] = ['dynamodb'];
 */
export type LocalService = 'dynamodb' | 'kms';

/**
 * The AWS SDK's endpoint variables: an app whose `src/settings.ts` gives one a `local` value uses
 * that local service, so the stack starts it and passes its endpoint.
 *
 * @example
 * SERVICE_ENDPOINT_SETTINGS.dynamodb; // 'AWS_ENDPOINT_URL_DYNAMODB'
 */
export const SERVICE_ENDPOINT_SETTINGS = {
  dynamodb: 'AWS_ENDPOINT_URL_DYNAMODB',
  kms: 'AWS_ENDPOINT_URL_KMS',
} as const satisfies Record<LocalService, string>;

/**
 * What the stack's functions may be given besides endpoints: the names of what it creates.
 *
 * @example
 * functionContext({ sesEndpoint: ses.endpoint }).kmsKeyArn; // LOCAL_KMS_KEY.arn
 */
export function functionContext(endpoints: {
  sesEndpoint: string;
  dynamodbEndpoint?: string | undefined;
  kmsEndpoint?: string | undefined;
}): FunctionContext {
  return {
    sesEndpoint: endpoints.sesEndpoint,
    ...(endpoints.dynamodbEndpoint ? { dynamodbEndpoint: endpoints.dynamodbEndpoint } : {}),
    ...(endpoints.kmsEndpoint ? { kmsEndpoint: endpoints.kmsEndpoint } : {}),
    kmsKeyArn: LOCAL_KMS_KEY.arn,
    idempotencyTable: LOCAL_IDEMPOTENCY_TABLE,
  };
}

/**
 * What a function's local environment may depend on: the endpoints the stack started.
 *
 * @example
 * const environment = wiring.environment({ sesEndpoint: sesFaultProxy?.endpoint ?? ses.endpoint });
 */
export type FunctionContext = LocalStackContext;

/**
 * How one app is wired into the local stack: which trigger it serves and its configuration.
 *
 * @example
 * { app: 'post-confirmation', trigger: 'PostConfirmation', environment: ({ sesEndpoint }) => ({ AWS_ENDPOINT_URL_SES: sesEndpoint }) }
 */
export interface FunctionWiring {
  /** The app's directory under `apps/`, also the function's name on the local Lambda endpoint. */
  readonly app: string;
  /** The trigger key cognito-local invokes it for. */
  readonly trigger: CognitoTrigger;
  /** The function's whole configuration: nothing else of this process's environment reaches it. */
  readonly environment: (context: FunctionContext) => Record<string, string>;
  /** Lambda's timeout for the function (default 6 s, above Cognito's 5 s as in a deployment). */
  readonly timeoutMs?: number;
  /** Services the stack must start for it (their endpoints arrive in its {@link FunctionContext}). */
  readonly uses?: readonly LocalService[];
}

/**
 * The Cognito trigger key (`LambdaConfig` key) of a `cognitoTrigger.slot`, from trigger-core's
 * family registry: `preSignUp` is `PreSignUp`, `customSmsSender` is `CustomSMSSender`; `undefined`
 * for a name no family has.
 *
 * @example
 * triggerKeyOfSlot('preTokenGeneration'); // 'PreTokenGeneration'
 */
export function triggerKeyOfSlot(slot: string): LambdaConfigSlot | undefined {
  return familyOfSlot(slot)?.slot;
}

/**
 * Triggers the default wiring leaves out though an app fills them, each with why: a test or a
 * script that wants one wires it itself ({@link appFunctionOf}).
 *
 * @example
 * const wiring = await appFunctionOf('custom-email-sender', 'CustomEmailSender'); // wired on request only
 */
export const ON_REQUEST_TRIGGERS: Readonly<Partial<Record<CognitoTrigger, string>>> = {
  // One pool runs one e-mail writer, and the demo and most flows read the codes cognito-local prints.
  CustomEmailSender:
    'is wired only on request (appFunctionOf): with a custom e-mail sender cognito-local prints no codes, which pnpm demo and most flows read, and custom-message writes the e-mails instead',
};

const isTriggerKey = (key: string): key is CognitoTrigger => (COGNITO_TRIGGERS as readonly string[]).includes(key);

// A user's way through the triggers: sign-up, its message and confirmation, then sign-in
// (migration of an unknown user first, then the tokens).
const FLOW_ORDER: readonly CognitoTrigger[] = [
  'PreSignUp',
  'CustomMessage',
  'CustomEmailSender',
  'PostConfirmation',
  'UserMigration',
  'PreAuthentication',
  'PostAuthentication',
  'PreTokenGeneration',
];

/**
 * One app's row of the wiring, from its `src/settings.ts`: its `local` values are its whole
 * environment, and a local value for an AWS SDK endpoint ({@link SERVICE_ENDPOINT_SETTINGS}) has
 * the stack start that service. For an app {@link loadFunctions} leaves out (one with no
 * `cognitoTrigger` field, or custom-email-sender: {@link ON_REQUEST_TRIGGERS}), name it and its trigger yourself.
 *
 * @example
 * const wiring = await appFunction(listTriggerApps(root)[0]!, 'PreSignUp');
 */
export async function appFunction(app: TriggerApp, trigger: CognitoTrigger): Promise<FunctionWiring> {
  const settings = (await loadAppSettings(app)) ?? {};
  const uses = (Object.keys(SERVICE_ENDPOINT_SETTINGS) as LocalService[]).filter(
    (service) => settings[SERVICE_ENDPOINT_SETTINGS[service]]?.local !== undefined,
  );
  return {
    app: app.dir,
    trigger,
    environment: (context) => localEnvironment(settings, context),
    ...(uses.length > 0 ? { uses } : {}),
  };
}

/**
 * {@link appFunction} for the app in `apps/<dir>`, for a test that wires one {@link loadFunctions}
 * leaves out. An unknown folder is an error naming it.
 *
 * @example
 * const stack = await startLocalStack({ table: [await appFunctionOf('custom-email-sender', 'CustomEmailSender')] });
 */
export async function appFunctionOf(
  dir: string,
  trigger: CognitoTrigger,
  root: string = findWorkspaceRoot(import.meta.dirname),
): Promise<FunctionWiring> {
  const app = listTriggerApps(root).find((entry) => entry.dir === dir);
  if (app === undefined) throw new Error(`there is no app apps/${dir} in ${root}`);
  return appFunction(app, trigger);
}

/**
 * The local stack's wiring, derived from the apps: every app under `apps/` whose package.json's
 * `cognitoTrigger.slot` names a trigger cognito-local calls, with the local values its
 * `src/settings.ts` declares ({@link appFunction}). An app without a `cognitoTrigger` field is left
 * out, and so is one of {@link ON_REQUEST_TRIGGERS} (custom-email-sender, which would take every
 * code cognito-local prints: the demo and most flows read them), noted in `skipped`. A new app joins `pnpm stack`, `pnpm demo` and the end-to-end tests
 * with no edit here; an app that cannot be wired comes back in `skipped`, with the reason.
 *
 * @param root the repository root (default: found from this package).
 * @example
 * const { table, skipped } = await loadFunctions();
 * table.find((wiring) => wiring.trigger === 'PostConfirmation')?.app; // 'post-confirmation'
 */
export async function loadFunctions(
  root: string = findWorkspaceRoot(import.meta.dirname),
): Promise<{ table: FunctionWiring[]; skipped: SkippedFunction[] }> {
  const table: FunctionWiring[] = [];
  const skipped: SkippedFunction[] = [];
  for (const app of listTriggerApps(root)) {
    const field = app.cognitoTrigger as { slot?: unknown } | undefined;
    const slot = typeof field?.slot === 'string' ? field.slot : undefined;
    // Not deployable, so not wired by default either.
    if (slot === undefined) continue;
    const trigger = triggerKeyOfSlot(slot);
    if (trigger === undefined) {
      skipped.push({ app: app.dir, trigger: slot, reason: `has a cognitoTrigger.slot no trigger family has` });
      continue;
    }
    if (!isTriggerKey(trigger)) {
      skipped.push({ app: app.dir, trigger, reason: `is not wired: cognito-local does not call ${trigger} triggers` });
      continue;
    }
    const onRequest = ON_REQUEST_TRIGGERS[trigger];
    if (onRequest !== undefined) {
      skipped.push({ app: app.dir, trigger, reason: onRequest });
      continue;
    }
    table.push(await appFunction(app, trigger));
  }
  // In the order of a user's flow (sign-up, message, confirmation, sign-in), as the stack prints it.
  table.sort((a, b) => FLOW_ORDER.indexOf(a.trigger) - FLOW_ORDER.indexOf(b.trigger));
  return { table, skipped };
}
