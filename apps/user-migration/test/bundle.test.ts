import { fileURLToPath } from 'node:url';
import { invokeBundle } from '@cognito-triggers/lambda-runtime';
import {
  findPersonalData,
  PERSONAL_VALUES,
  SAMPLE_SECRETS,
  triggerEvent,
} from '@cognito-triggers/trigger-core/testing';
import { describe, expect, it } from 'vitest';

// The deployed artifact itself (pnpm build writes it), run on Node 24 as the nodejs24.x runtime would.
const bundlePath = fileURLToPath(new URL('../dist/index.mjs', import.meta.url));

describe('the built user-migration bundle on Node 24', () => {
  it("answers a UserMigration event within Cognito's 5 seconds, logging one JSON line per entry and no personal data", async () => {
    const result = await invokeBundle(
      { name: 'user-migration', bundlePath, environment: { AWS_REGION: 'eu-west-1' }, timeoutMs: 10_000 },
      triggerEvent('UserMigration_Authentication'),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { errorType: 'UserFacingError', errorMessage: 'Incorrect username or password.' },
    });
    expect(result.durationMs).toBeLessThan(5_000);
    for (const line of result.logs) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(findPersonalData(result.logs.join('\n'), [...PERSONAL_VALUES, ...Object.values(SAMPLE_SECRETS)])).toEqual(
      [],
    );
  });
});
