import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LambdaFunction, bundleTestbed, invokeBundle, logRecords } from '../src/index';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}.mjs`, import.meta.url));
const running: LambdaFunction[] = [];
const start = (definition: ConstructorParameters<typeof LambdaFunction>[0]) => {
  const fn = new LambdaFunction(definition);
  running.push(fn);
  return fn;
};
afterEach(async () => {
  await Promise.all(running.splice(0).map((fn) => fn.stop()));
});

describe('LambdaFunction', () => {
  it('runs the bundle on Node 24 with only its own environment and returns its payload and logs', async () => {
    process.env.PARENT_SECRET = 'leaked';
    const fn = start({
      name: 'echo',
      bundlePath: fixture('echo'),
      environment: { OWN_SETTING: 'yes' },
      timeoutMs: 3_000,
    });
    const result = await fn.invoke({ hello: 'world' }, { requestId: 'req-1' });
    delete process.env.PARENT_SECRET;
    expect(result.ok).toBe(true);
    expect(result.ok && result.payload).toMatchObject({
      event: { hello: 'world' },
      own: 'yes',
      secret: null,
      functionName: 'echo',
    });
    expect(String(result.ok && (result.payload as { nodeVersion: string }).nodeVersion)).toMatch(/^v24\./);
    expect(result.logs.map((line) => JSON.parse(line) as unknown)).toEqual([
      { level: 'INFO', message: 'echo', requestId: 'req-1' },
    ]);
    expect(result.coldStart).toBe(true);
  });

  it('reuses a warm instance and reports the remaining time against the timeout', async () => {
    const fn = start({ name: 'echo', bundlePath: fixture('echo'), timeoutMs: 3_000 });
    await fn.invoke({});
    const second = await fn.invoke({});
    expect(second.coldStart).toBe(false);
    const payload = second.ok ? (second.payload as { invocations: number; remainingMs: number }) : undefined;
    expect(payload?.invocations).toBe(2);
    expect(payload?.remainingMs).toBeLessThanOrEqual(3_000);
    expect(payload?.remainingMs).toBeGreaterThan(2_000);
  });

  it('reports a thrown error the way Lambda does', async () => {
    const result = await invokeBundle({ name: 'fail', bundlePath: fixture('fail') }, { mode: 'throw' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({
      errorType: 'UserFacingError',
      errorMessage: 'PreSignUp is not allowed',
    });
  });

  it('ends an invocation that outlives the timeout, and starts the next one cold', async () => {
    const fn = start({ name: 'fail', bundlePath: fixture('fail'), timeoutMs: 300 });
    const result = await fn.invoke({ mode: 'hang' });
    expect(!result.ok && result.error).toMatchObject({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'Task timed out after 0.30 seconds',
    });
    const next = await fn.invoke({ mode: 'throw' });
    expect(next.coldStart).toBe(true);
  });

  it('reports a process that exits mid-invocation', async () => {
    const result = await invokeBundle({ name: 'fail', bundlePath: fixture('fail') }, { mode: 'exit' });
    expect(!result.ok && result.error.errorType).toBe('Runtime.ExitError');
  });

  it('refuses a three-argument callback handler, as nodejs24.x does', async () => {
    const result = await invokeBundle({ name: 'callback', bundlePath: fixture('callback') }, {});
    expect(!result.ok && result.error.errorType).toBe('Runtime.CallbackHandlerDeprecated');
  });

  it('reports an error thrown while the bundle initialises', async () => {
    const result = await invokeBundle({ name: 'broken', bundlePath: fixture('broken-init') }, {});
    expect(!result.ok && result.error).toMatchObject({ errorMessage: 'EMAIL_FROM is required but is not set' });
  });

  it('runs concurrent invocations on separate instances', async () => {
    const fn = start({ name: 'echo', bundlePath: fixture('echo'), maxConcurrency: 3 });
    const results = await Promise.all([fn.invoke({}), fn.invoke({}), fn.invoke({})]);
    expect(results.every((result) => result.ok && (result.payload as { invocations: number }).invocations === 1)).toBe(
      true,
    );
  });

  it('says to build first when the bundle is missing', () => {
    expect(() => new LambdaFunction({ name: 'x', bundlePath: '/nonexistent/dist/index.mjs' })).toThrow(
      'run "pnpm build" first',
    );
  });
});

describe('bundleTestbed', () => {
  it('keeps the log lines of every invocation and stops every function it deployed', async () => {
    const testbed = bundleTestbed({ name: 'echo', bundlePath: fixture('echo'), environment: { OWN_SETTING: 'base' } });
    const first = testbed.deploy();
    const second = testbed.deploy({ OWN_SETTING: 'override' });
    const a = await testbed.invoke(first, {});
    const b = await testbed.invoke(second, {});
    expect(a.ok && (a.payload as { own: string }).own).toBe('base');
    expect(b.ok && (b.payload as { own: string }).own).toBe('override');
    expect(testbed.invocations()).toBe(2);
    expect(testbed.logs.map((line) => (JSON.parse(line) as { message: string }).message)).toEqual(['echo', 'echo']);
    expect(logRecords(a)).toEqual([{ level: 'INFO', message: 'echo', requestId: a.requestId }]);
    await testbed.stop();
    const afterStop = await first.invoke({});
    expect(!afterStop.ok && afterStop.error.errorMessage).toBe('function stopped');
  });
});
