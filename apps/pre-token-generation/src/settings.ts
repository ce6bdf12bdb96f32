import type { AppSettings } from '@cognito-triggers/workspace';

/**
 * pre-token-generation's settings, declared once: `readConfig` reads these names, and the
 * package.json's `cognitoTrigger.environment`, the README's configuration table and the local
 * stack's environment come from it (`pnpm settings:write`; a test fails when they disagree).
 * At least one of the three mappings must be set: `readConfig` says so, naming `ID_TOKEN_CLAIMS`.
 *
 * @example
 * Object.keys(SETTINGS); // ['ID_TOKEN_CLAIMS', 'ACCESS_TOKEN_CLAIMS', 'SCOPES_BY_GROUP', 'LOG_LEVEL']
 */
export const SETTINGS = {
  ID_TOKEN_CLAIMS: {
    required: 'one of the three',
    meaning:
      'attributes to write into the ID token: `attribute=claim[:type]`, comma-separated, e.g. `custom:tenant_id=tenant_id,custom:seats=seats:number,custom:beta=beta:boolean`',
    // The local pool's custom attributes (tooling/local-stack's LOCAL_USER_POOL); cognito-local
    // sends version 1 events, so the number arrives as a checked string.
    local: 'custom:tenant_id=tenant_id,custom:seats=seats:number',
  },
  ACCESS_TOKEN_CLAIMS: {
    required: 'one of the three',
    meaning: 'the same for the access token (event versions 2 and 3)',
    local: 'custom:tenant_id=tenant_id',
  },
  SCOPES_BY_GROUP: {
    required: 'one of the three',
    meaning:
      'access-token scopes for group members (event versions 2 and 3): `group=scope scope;group=scope`, e.g. `admins=api/admin;staff=api/read api/write`',
  },
  LOG_LEVEL: {
    default: 'INFO',
    readBy: 'trigger-core',
    meaning: '`DEBUG`, `INFO`, `WARN` or `ERROR` (else `AWS_LAMBDA_LOG_LEVEL`)',
  },
} as const satisfies AppSettings;
