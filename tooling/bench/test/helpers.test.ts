import { describe, expect, it } from 'vitest';
import { parseTurboSummary } from '../src/build-times';
import { lambdaEnvironment, rotate } from '../src/child';

describe('benchmark helpers', () => {
  it('rotates the running order round by round, so no subject always goes first', () => {
    expect(rotate(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotate(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
    expect(rotate([], 3)).toEqual([]);
  });

  it("reads turbo's cache counts from its summary", () => {
    expect(
      parseTurboSummary(
        '\n Tasks:    1 successful, 1 total\nCached:    1 cached, 1 total\n  Time:    47ms >>> FULL TURBO\n',
      ),
    ).toEqual({ cached: 1, total: 1 });
    expect(parseTurboSummary('no summary')).toBeUndefined();
  });

  it("gives workloads a Lambda environment without NODE_OPTIONS and with the function's own settings", () => {
    const env = lambdaEnvironment('post-confirmation', '/x/dist/index.mjs', { EMAIL_FROM: 'hello@acme.example' });
    expect(env).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: 'post-confirmation',
      LAMBDA_TASK_ROOT: '/x/dist',
      EMAIL_FROM: 'hello@acme.example',
    });
    expect(env.NODE_OPTIONS).toBeUndefined();
  });
});
