import { envReader } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

describe('readConfig', () => {
  it('needs no settings yet', () => {
    expect(readConfig(envReader({}))).toEqual({});
  });

  // TODO: one case per setting, e.g.
  // it('names STRICT_MODE when it is not a boolean', () => {
  //   expect(() => readConfig(envReader({ STRICT_MODE: 'maybe' }))).toThrow(/^STRICT_MODE must be true or false/);
  // });
});
