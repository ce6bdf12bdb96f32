// Times one log line of each logger in its own Node 24 process, every logger writing the same line
// (level, message, ISO timestamp, service, invocation context, three fields) to fd 1, which the
// parent points at /dev/null: the same synchronous sink for all.
import { Logger } from '@aws-lambda-powertools/logger';
import { createLogger } from '@cognito-triggers/trigger-core';
import { pino } from 'pino';
import { fail, report } from './lambda-context';
import type { LogLineVariant } from './names';

const SERVICE = 'post-confirmation';
const CONTEXT = {
  awsRequestId: '5f0f0e3c-7a1b-4c2d-9e3f-0a1b2c3d4e5f',
  triggerSource: 'PostConfirmation_ConfirmSignUp',
  userPoolId: 'eu-west-1_AbCdEf123',
  clientId: '1example23456789abcdefghij',
  userSub: '7d8ef9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01',
  coldStart: false,
};
const FIELDS = { kind: 'welcome', messageId: '0100018f-3c9e-7a2b-9d1e-5f6a7b8c9d0e-000000', attempts: 1 };

/**
 * The loggers compared, each set up once and returning a function that writes one line.
 *
 * @example
 * const line = LOG_LINE_VARIANTS.pino();
 * line();
 */
export const LOG_LINE_VARIANTS = {
  'trigger-core': () => {
    const logger = createLogger({ service: SERVICE }).child(CONTEXT);
    return () => logger.info('e-mail sent', FIELDS);
  },
  'console.log(JSON.stringify)': () => () =>
    console.log(
      JSON.stringify({
        level: 'INFO',
        message: 'e-mail sent',
        timestamp: new Date().toISOString(),
        service: SERVICE,
        ...CONTEXT,
        ...FIELDS,
      }),
    ),
  powertools: () => {
    const logger = new Logger({ serviceName: SERVICE });
    logger.appendKeys(CONTEXT);
    return () => logger.info('e-mail sent', FIELDS);
  },
  pino: () => {
    // Configured for the same line as the others (label level, "message", ISO time), as teams do for CloudWatch.
    const logger = pino(
      {
        base: { service: SERVICE },
        messageKey: 'message',
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label.toUpperCase() }) },
      },
      pino.destination({ dest: 1, sync: true }),
    ).child(CONTEXT);
    return () => logger.info(FIELDS, 'e-mail sent');
  },
} as const satisfies Record<LogLineVariant, () => () => void>;

function main(): void {
  const [variant, planJson] = process.argv.slice(2);
  const setup = LOG_LINE_VARIANTS[variant as keyof typeof LOG_LINE_VARIANTS] as (() => () => void) | undefined;
  if (!setup || !planJson)
    throw new Error(`usage: log-line-child <${Object.keys(LOG_LINE_VARIANTS).join('|')}> <plan-json>`);
  const plan = JSON.parse(planJson) as { warmup: number; samples: number; lines: number };
  const line = setup();
  for (let i = 0; i < plan.warmup; i++) line();
  const samplesNs: number[] = [];
  const cpuSamplesNs: number[] = [];
  for (let s = 0; s < plan.samples; s++) {
    const cpuBefore = process.cpuUsage();
    const startedAt = process.hrtime.bigint();
    for (let i = 0; i < plan.lines; i++) line();
    samplesNs.push(Number(process.hrtime.bigint() - startedAt) / plan.lines);
    const cpu = process.cpuUsage(cpuBefore);
    cpuSamplesNs.push(((cpu.user + cpu.system) * 1_000) / plan.lines);
  }
  report({ samplesNs, cpuSamplesNs });
}

try {
  main();
} catch (error) {
  fail(error);
}
