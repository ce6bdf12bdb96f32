import {
  findWorkspaceRoot,
  listTriggerApps,
  loadAppSettings,
  localEnvironment,
  type LocalStackContext,
} from '@cognito-triggers/workspace';
import type { SkippedFunction } from './wiring';

/**
 * The Cognito user-pool trigger keys cognito-local calls, as its `TriggerFunctions` (and a pool's
 * `LambdaConfig`) name them.
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
] as const;

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
export type LocalService = 'dynamodb';

/**
 * The settings (the AWS SDK's endpoint variables) whose declaration in an app's `src/settings.ts`
 * means it uses a local service: the stack starts it and passes its endpoint.
 *
 * @example
 * SERVICE_ENDPOINT_SETTINGS.dynamodb; // 'AWS_ENDPOINT_URL_DYNAMODB'
 */
export const SERVICE_ENDPOINT_SETTINGS = { dynamodb: 'AWS_ENDPOINT_URL_DYNAMODB' } as const satisfies Record<
  LocalService,
  string
>;

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
 * The Cognito trigger key of a `cognitoTrigger.slot` (the CDK's `UserPoolOperation` names):
 * `preSignUp` is `PreSignUp`, `customSmsSender` is `CustomSMSSender`.
 *
 * @example
 * triggerKeyOfSlot('preTokenGeneration'); // 'PreTokenGeneration'
 */
export function triggerKeyOfSlot(slot: string): string {
  const key = `${slot.charAt(0).toUpperCase()}${slot.slice(1)}`;
  return key.replace(/Sms/g, 'SMS');
}

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
 * The local stack's wiring, derived from the apps: every app under `apps/` whose package.json's
 * `cognitoTrigger.slot` names a trigger cognito-local calls, with the local values its
 * `src/settings.ts` declares (declaring `AWS_ENDPOINT_URL_DYNAMODB` makes the stack start dynalite
 * for it). A new app joins `pnpm stack`, `pnpm demo` and the end-to-end tests
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
    if (slot === undefined) {
      skipped.push({ app: app.dir, trigger: '(none)', reason: 'has no cognitoTrigger.slot in its package.json' });
      continue;
    }
    const trigger = triggerKeyOfSlot(slot);
    if (!isTriggerKey(trigger)) {
      skipped.push({ app: app.dir, trigger, reason: `is not wired: cognito-local does not call ${trigger} triggers` });
      continue;
    }
    const settings = (await loadAppSettings(app)) ?? {};
    const uses = (Object.keys(SERVICE_ENDPOINT_SETTINGS) as LocalService[]).filter(
      (service) => SERVICE_ENDPOINT_SETTINGS[service] in settings,
    );
    table.push({
      app: app.dir,
      trigger,
      environment: (context) => localEnvironment(settings, context),
      ...(uses.length > 0 ? { uses } : {}),
    });
  }
  // In the order of a user's flow (sign-up, message, confirmation, sign-in), as the stack prints it.
  table.sort((a, b) => FLOW_ORDER.indexOf(a.trigger) - FLOW_ORDER.indexOf(b.trigger));
  return { table, skipped };
}
