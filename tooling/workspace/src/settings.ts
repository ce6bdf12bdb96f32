/**
 * Who reads a variable:
 * - `app`: the app's own `readConfig` (through trigger-core's env reader);
 * - `trigger-core`: the kernel (`LOG_LEVEL`);
 * - `aws-sdk`: the AWS SDK (`AWS_ENDPOINT_URL_SES`). These are documented and set by the local
 *   stack, but are not part of a deployed function's `cognitoTrigger.environment`.
 *
 * @example
 * const reader: SettingReader = 'trigger-core';
 */
export type SettingReader = 'app' | 'trigger-core' | 'aws-sdk';

/**
 * What a setting's local value may depend on: the endpoints the local stack started.
 *
 * @example
 * const local = ({ sesEndpoint }: LocalStackContext) => sesEndpoint;
 */
export interface LocalStackContext {
  /** The SES endpoint the function sends through (the emulator, or a fault proxy in front of it). */
  readonly sesEndpoint: string;
  /** The DynamoDB endpoint (dynalite), when the stack started one for the function. */
  readonly dynamodbEndpoint?: string;
  /** The KMS emulator's endpoint, when the stack started one for the function. */
  readonly kmsEndpoint?: string;
  /** The key the local user pool encrypts codes for a custom sender with. */
  readonly kmsKeyArn?: string;
  /** The idempotency table the stack creates on dynalite (trigger-core's `once`). */
  readonly idempotencyTable?: string;
}

/**
 * One environment variable of an app, declared once in its `src/settings.ts`: `readConfig` takes
 * its default from here, and its package.json's `cognitoTrigger.environment`, its README's
 * configuration table and its value in the local stack come from (or are checked against) it.
 *
 * @example
 * const APP_NAME: SettingDeclaration = { default: 'our app', meaning: 'product name in subjects and bodies', local: 'Acme' };
 */
export interface SettingDeclaration {
  /**
   * `true` when unset is an error (a deploy stops too), `false` or absent when optional, or in
   * words when it depends on other settings (`one of the three`: optional for a deploy).
   */
  readonly required?: boolean | string;
  /** The value used when it is unset (what `readConfig` falls back to). */
  readonly default?: string | boolean | number;
  /** The default in words, when it is not one value: `(everyone)`, `the region's endpoint`. */
  readonly defaultText?: string;
  /** What it does: the README table's "meaning" cell (Markdown, one line, no `|`). */
  readonly meaning: string;
  /**
   * For a setting `readConfig` reads only under other settings' values: those values, e.g.
   * `{ LEGACY_STORE: 'http' }`, under which the check looks for it (on top of the local values).
   */
  readonly readWhen?: Readonly<Record<string, string>>;
  /** Who reads it (default `app`). */
  readonly readBy?: SettingReader;
  /** Its value in the local stack (`pnpm demo`, `pnpm stack`, the end-to-end tests); unset when absent or `undefined`. */
  readonly local?: string | ((stack: LocalStackContext) => string | undefined);
}

/**
 * An app's settings, by variable name, in the order its README lists them.
 *
 * @example
 * export const SETTINGS = {
 *   EMAIL_FROM: { required: true, meaning: 'sender, an SES-verified identity', local: 'Acme <hello@acme.example>' },
 *   LOG_LEVEL: { default: 'INFO', readBy: 'trigger-core', meaning: '`DEBUG`, `INFO`, `WARN` or `ERROR`' },
 * } as const satisfies AppSettings;
 */
export type AppSettings = Readonly<Record<string, SettingDeclaration>>;

/**
 * The variables a deployed function is configured with, as its package.json's
 * `cognitoTrigger.environment` must list them: everything but what the AWS SDK reads, the
 * required ones (`required: true`) apart.
 *
 * @example
 * deployEnvironment({ EMAIL_FROM: { required: true, meaning: 'sender' }, LOG_LEVEL: { meaning: 'level' } });
 * // { required: ['EMAIL_FROM'], optional: ['LOG_LEVEL'] }
 */
export function deployEnvironment(settings: AppSettings): { required: string[]; optional: string[] } {
  const deployed = Object.entries(settings).filter(([, setting]) => setting.readBy !== 'aws-sdk');
  return {
    required: deployed.filter(([, setting]) => setting.required === true).map(([name]) => name),
    optional: deployed.filter(([, setting]) => setting.required !== true).map(([name]) => name),
  };
}

/**
 * The environment the local stack gives the app: every setting that has a local value.
 *
 * @example
 * localEnvironment({ AWS_ENDPOINT_URL_SES: { meaning: 'SES', local: ({ sesEndpoint }) => sesEndpoint } }, { sesEndpoint: 'http://127.0.0.1:8005' });
 * // { AWS_ENDPOINT_URL_SES: 'http://127.0.0.1:8005' }
 */
export function localEnvironment(settings: AppSettings, context: LocalStackContext): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, { local }] of Object.entries(settings)) {
    const value = typeof local === 'function' ? local(context) : local;
    if (value !== undefined) environment[name] = value;
  }
  return environment;
}

/**
 * The README's configuration table for these settings, as Markdown lines.
 *
 * @example
 * settingsTable({ APP_NAME: { default: 'our app', meaning: 'product name' } });
 * // '| variable | required | default | meaning |\n|---|---|---|---|\n| `APP_NAME` | no | `our app` | product name |'
 */
export function settingsTable(settings: AppSettings): string {
  const rows = Object.entries(settings).map(([name, setting]) => {
    const required = typeof setting.required === 'string' ? setting.required : setting.required ? 'yes' : 'no';
    const fallback = setting.defaultText ?? (setting.default === undefined ? '' : `\`${String(setting.default)}\``);
    // An empty cell is written `| |`, as the READMEs always have.
    return `|${[`\`${name}\``, required, fallback, setting.meaning].map((cell) => (cell ? ` ${cell} ` : ' ')).join('|')}|`;
  });
  return ['| variable | required | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
}
