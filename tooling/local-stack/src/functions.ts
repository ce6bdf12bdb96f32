/**
 * The Cognito user-pool trigger keys, as cognito-local's `TriggerFunctions` (and a pool's
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
 * The values the local stack's functions are configured with, shared with the demo and the
 * end-to-end tests so that they can say what to expect (which domain is blocked, which claims appear).
 *
 * @example
 * await signUp(`mallory@${LOCAL_SETTINGS.blockedDomain}`); // refused by pre-sign-up
 */
export const LOCAL_SETTINGS = {
  appName: 'Acme',
  appUrl: 'https://app.acme.example',
  emailFrom: 'Acme <hello@acme.example>',
  /** pre-sign-up refuses sign-ups from this domain. */
  blockedDomain: 'blocked.example',
  defaultLocale: 'en',
  /** The custom attributes the user pool defines, which pre-token-generation maps into claims. */
  customAttributes: [
    { name: 'tenant_id', type: 'String' },
    { name: 'seats', type: 'Number' },
  ],
  /**
   * `custom:tenant_id` becomes the ID token's `tenant_id`, `custom:seats` its `seats`: a checked
   * number, written as a string since cognito-local sends version 1 events.
   */
  idTokenClaims: 'custom:tenant_id=tenant_id,custom:seats=seats:number',
  accessTokenClaims: 'custom:tenant_id=tenant_id',
  /** The DynamoDB table (on dynalite) user-migration reads legacy accounts from; load it with its import. */
  legacyUsersTable: 'legacy-users',
} as const;

/**
 * What a function's local environment may depend on: the endpoints the stack started.
 *
 * @example
 * const environment = wiring.environment({ sesEndpoint: sesFaultProxy?.endpoint ?? ses.endpoint });
 */
export interface FunctionContext {
  /** The SES endpoint the function sends through (the emulator, or a fault proxy in front of it). */
  readonly sesEndpoint: string;
  /** The DynamoDB endpoint (dynalite), started when a wired function `uses` it. */
  readonly dynamodbEndpoint?: string;
}

/**
 * Local services a function may need beyond SES, which the stack starts only when a wired
 * function names them.
 *
 * @example
 * const uses: readonly LocalService[] = ['dynamodb'];
 */
export type LocalService = 'dynamodb';

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
 * The local stack's wiring, as data: every trigger app the repo has, with its local configuration.
 * Apps that are not in the workspace or not built are skipped with a note, so an app lights up
 * here as soon as it lands and is built. A new app needs one row here.
 *
 * @example
 * const row = FUNCTIONS.find((wiring) => wiring.trigger === 'PostConfirmation');
 */
export const FUNCTIONS: readonly FunctionWiring[] = [
  {
    app: 'pre-sign-up',
    trigger: 'PreSignUp',
    environment: () => ({ BLOCKED_EMAIL_DOMAINS: LOCAL_SETTINGS.blockedDomain }),
  },
  {
    app: 'custom-message',
    trigger: 'CustomMessage',
    environment: () => ({
      APP_NAME: LOCAL_SETTINGS.appName,
      APP_URL: LOCAL_SETTINGS.appUrl,
      DEFAULT_LOCALE: LOCAL_SETTINGS.defaultLocale,
    }),
  },
  {
    app: 'post-confirmation',
    trigger: 'PostConfirmation',
    environment: ({ sesEndpoint }) => ({
      EMAIL_FROM: LOCAL_SETTINGS.emailFrom,
      APP_NAME: LOCAL_SETTINGS.appName,
      APP_URL: LOCAL_SETTINGS.appUrl,
      AWS_ENDPOINT_URL_SES: sesEndpoint,
      // cognito-local never sets email_verified on ConfirmSignUp (Cognito does, for a code sent by
      // e-mail), so with the default the app would rightly skip every e-mail. See docs/local-stack.md.
      REQUIRE_VERIFIED_EMAIL: 'false',
    }),
  },
  {
    app: 'user-migration',
    trigger: 'UserMigration',
    uses: ['dynamodb'],
    environment: ({ dynamodbEndpoint }) => ({
      LEGACY_TABLE_NAME: LOCAL_SETTINGS.legacyUsersTable,
      ...(dynamodbEndpoint ? { AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint } : {}),
      ATTRIBUTE_MAP: 'first_name=given_name,tenant=custom:tenant_id',
    }),
  },
  {
    app: 'pre-token-generation',
    trigger: 'PreTokenGeneration',
    environment: () => ({
      ID_TOKEN_CLAIMS: LOCAL_SETTINGS.idTokenClaims,
      ACCESS_TOKEN_CLAIMS: LOCAL_SETTINGS.accessTokenClaims,
    }),
  },
];
