import { describe, expect, it } from 'vitest';
import { deployMatrix } from '../src/index';

describe('deployMatrix', () => {
  it('makes one deploy job per tagged trigger app and none for libraries or tooling', () => {
    const published = JSON.stringify([
      { name: '@cognito-triggers/trigger-core', version: '0.2.0' },
      { name: 'post-confirmation', version: '0.1.1' },
      { name: '@cognito-triggers/build', version: '0.0.1' },
    ]);
    expect(deployMatrix(published)).toEqual([{ app: 'post-confirmation', version: '0.1.1', tag: 'post-confirmation@0.1.1' }]);
  });

  it('makes no jobs when nothing was tagged', () => {
    expect(deployMatrix('')).toEqual([]);
    expect(deployMatrix('[]')).toEqual([]);
  });

  it('rejects output that is not a list', () => {
    expect(() => deployMatrix('{"name":"post-confirmation"}')).toThrow('must be a JSON array');
  });
});
