import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { NOT_UPDATABLE, UPDATE_FIELDS, carriedSettings, type UnaccountedDescribeFields } from '../src/index';
import { DESCRIBED_POOL } from './described-pool';

const require = createRequire(import.meta.url);

/** The property names of an interface the installed Cognito SDK declares, read from its .d.ts files. */
function sdkInterfaceKeys(name: string): string[] {
  const sdk = dirname(require.resolve('@aws-sdk/client-cognito-identity-provider/package.json'));
  const modelsDir = join(sdk, 'dist-types', 'models');
  for (const file of readdirSync(modelsDir).filter((entry) => entry.endsWith('.d.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(modelsDir, file), 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement) && statement.name.text === name) {
        return statement.members.flatMap((member) =>
          ts.isPropertySignature(member) && ts.isIdentifier(member.name) ? [member.name.text] : [],
        );
      }
    }
  }
  throw new Error(`the Cognito SDK declares no interface ${name}`);
}

describe('the UpdateUserPool input attach and detach build', () => {
  it('decides every field of the installed SDK’s UpdateUserPoolRequest: carried, ours, or omitted with a reason', () => {
    expect(Object.keys(UPDATE_FIELDS).sort()).toEqual(sdkInterfaceKeys('UpdateUserPoolRequest').sort());
    for (const [field, handling] of Object.entries(UPDATE_FIELDS)) {
      if (handling.kind === 'omitted') expect(handling.why.length, field).toBeGreaterThan(40);
    }
  });

  it('accounts for every field DescribeUserPool returns: carried into the update, or not updatable', () => {
    const carriedFrom = Object.values(UPDATE_FIELDS).flatMap((handling) =>
      handling.kind === 'carried' ? [handling.from] : [],
    );
    const accounted = new Set<string>(['LambdaConfig', ...carriedFrom, ...Object.keys(NOT_UPDATABLE)]);
    expect(sdkInterfaceKeys('UserPoolType').filter((field) => !accounted.has(field))).toEqual([]);
    expectTypeOf<UnaccountedDescribeFields>().toEqualTypeOf<never>();
  });

  it('copies values rather than sharing them with the description', () => {
    const pool = structuredClone(DESCRIBED_POOL);
    const { settings } = carriedSettings(pool);
    pool.UserPoolTags.team = 'changed';
    expect(settings.UserPoolTags?.team).toBe('identity');
  });

  it('carries a pool that has only the defaults Cognito reports, sending nothing it did not describe', () => {
    const minimal = { Id: 'eu-west-1_Min1', Name: 'minimal', MfaConfiguration: 'OFF' as const };
    expect(carriedSettings(minimal)).toEqual({
      settings: { PoolName: 'minimal', MfaConfiguration: 'OFF' },
      adjustments: [],
    });
  });
});
