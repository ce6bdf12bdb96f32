// Runs warm invocations of one bundle in one Node 24 process: a warm-up, then timed samples of many
// sequential invocations each. Stdout (the handlers' logs) is /dev/null; results go over IPC.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { fail, lambdaContext, report, type AnyHandler } from './lambda-context';

/** What the parent asks for (argv[3], JSON). */
interface WarmPlan {
  event: unknown;
  functionName: string;
  warmup: number;
  samples: number;
  iterations: number;
}

async function main(): Promise<void> {
  const [bundlePath, planJson] = process.argv.slice(2);
  if (!bundlePath || !planJson) throw new Error('usage: warm-child <bundle> <plan-json>');
  const plan = JSON.parse(planJson) as WarmPlan;
  const module = (await import(pathToFileURL(bundlePath).href)) as { handler?: AnyHandler };
  const handler = module.handler;
  if (typeof handler !== 'function') throw new Error(`${bundlePath} exports no handler`);
  // Request ids made up front, so that making them is not part of what is timed.
  const requestIds = Array.from({ length: 1024 }, () => randomUUID());
  let invocation = 0;
  const invoke = async (): Promise<void> => {
    const id = requestIds[invocation++ % requestIds.length] as string;
    const result = await handler(plan.event, lambdaContext(plan.functionName, id, 6_000));
    if (typeof result !== 'object' || result === null) throw new Error(`the handler returned ${String(result)}`);
  };
  for (let i = 0; i < plan.warmup; i++) await invoke();
  const samplesUs: number[] = [];
  const cpuSamplesUs: number[] = [];
  for (let s = 0; s < plan.samples; s++) {
    // CPU time next to wall time: other processes on a shared machine stretch the one, not the other.
    const cpuBefore = process.cpuUsage();
    const startedAt = process.hrtime.bigint();
    for (let i = 0; i < plan.iterations; i++) await invoke();
    samplesUs.push(Number(process.hrtime.bigint() - startedAt) / 1_000 / plan.iterations);
    const cpu = process.cpuUsage(cpuBefore);
    cpuSamplesUs.push((cpu.user + cpu.system) / plan.iterations);
  }
  const stubSends = (globalThis as { benchStubSends?: number }).benchStubSends;
  report({ samplesUs, cpuSamplesUs, invocations: invocation, stubSends });
}

main().catch(fail);
