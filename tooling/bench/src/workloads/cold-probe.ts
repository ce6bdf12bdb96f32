// Runs in a fresh Node 24 process per sample: imports one bundle, gets its handler and, when given
// an event, invokes it once. Stdout is /dev/null; the timings go back over IPC.
import { pathToFileURL } from 'node:url';
import { fail, lambdaContext, report, type AnyHandler } from './lambda-context';

async function main(): Promise<void> {
  const [bundlePath, eventJson, functionName = 'bench'] = process.argv.slice(2);
  if (!bundlePath) throw new Error('usage: cold-probe <bundle> [event-json] [function-name]');
  const event: unknown = eventJson ? JSON.parse(eventJson) : undefined;
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const module = (await import(pathToFileURL(bundlePath).href)) as { handler?: unknown };
  const handler = module.handler;
  if (typeof handler !== 'function') throw new Error(`${bundlePath} exports no handler`);
  const readyAt = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  let firstInvokeMs: number | undefined;
  let firstInvokeCpuMs: number | undefined;
  let startToFirstCpuMs: number | undefined;
  if (event !== undefined) {
    const cpuAtReady = process.cpuUsage();
    const result = await (handler as AnyHandler)(
      event,
      lambdaContext(functionName, '5f0f0e3c-0000-4000-8000-000000000001', 6_000),
    );
    firstInvokeMs = performance.now() - readyAt;
    // Without an argument, cpuUsage counts from the start of the process: the whole cold start's CPU.
    const total = process.cpuUsage();
    const sinceReady = process.cpuUsage(cpuAtReady);
    startToFirstCpuMs = (total.user + total.system) / 1_000;
    firstInvokeCpuMs = (sinceReady.user + sinceReady.system) / 1_000;
    if (typeof result !== 'object' || result === null)
      throw new Error(`${bundlePath}: the handler returned ${String(result)}`);
  }
  // performance.now() counts from the process's time origin, so readyAt is also start-to-ready.
  report({
    importMs: readyAt - startedAt,
    importCpuMs: (cpu.user + cpu.system) / 1_000,
    processReadyMs: readyAt,
    firstInvokeMs,
    firstInvokeCpuMs,
    startToFirstCpuMs,
  });
}

main().catch(fail);
