/**
 * One invocation's log: a child logger carrying its context, the handler's annotations, and the
 * one summary line, `invocation finished`, that says how it ended.
 */
import type { Context } from 'aws-lambda';
import type { FailurePolicy, TriggerFamilyName } from './family';
import { isLevelEnabled, type LogFields, type Logger, type LogValue } from './logger';
import { describeError } from './redact';

/**
 * How an invocation ended: the handler's answer went back (`success`), the handler refused the
 * user on purpose (`rejected`), or the failure policy applied (`failed`).
 */
export type Outcome = 'success' | 'rejected' | 'failed';

/** The log of one invocation. */
export interface InvocationLog {
  readonly logger: Logger;
  annotate(fields: LogFields): void;
  /** Writes the summary line (at ERROR for a failure, INFO otherwise) unless that level is off. */
  finish(outcome: Outcome, error?: unknown): void;
}

/** What the summary line says about the family, fixed per handler. */
export interface SummaryFacts {
  readonly family: TriggerFamilyName;
  readonly failurePolicy: FailurePolicy;
}

/**
 * Starts the log of one invocation: its lines carry the request id, the event's non-personal
 * identifiers and whether this is a cold start.
 *
 * @example
 * const log = startInvocationLog(baseLogger, facts, rawEvent, lambdaContext, { startedAt, budgetMs, coldStart });
 * log.finish('success');
 */
export function startInvocationLog(
  baseLogger: Logger,
  facts: SummaryFacts,
  rawEvent: unknown,
  lambdaContext: Context | undefined,
  timing: { readonly startedAt: number; readonly budgetMs: number; readonly coldStart: boolean },
): InvocationLog {
  const logger = baseLogger.child({
    awsRequestId: lambdaContext?.awsRequestId,
    ...invocationContext(rawEvent),
    coldStart: timing.coldStart,
  });
  let annotations: Record<string, LogValue> | undefined;
  return {
    logger,
    annotate(fields) {
      annotations = Object.assign(annotations ?? {}, fields);
    },
    finish(outcome, error) {
      if (!isLevelEnabled(logger.level, outcome === 'failed' ? 'ERROR' : 'INFO')) return;
      const fields = {
        ...annotations,
        outcome,
        family: facts.family,
        failurePolicy: outcome === 'failed' ? facts.failurePolicy : undefined,
        durationMs: Date.now() - timing.startedAt,
        budgetMs: Math.round(timing.budgetMs),
        ...(error === undefined ? {} : describeError(error)),
      };
      if (outcome === 'failed') logger.error('invocation finished', fields);
      else logger.info('invocation finished', fields);
    },
  };
}

/** The non-personal identifiers of an event, read defensively because the event is not yet checked. */
function invocationContext(rawEvent: unknown): Record<string, string | undefined> {
  if (typeof rawEvent !== 'object' || rawEvent === null) return {};
  const event = rawEvent as {
    triggerSource?: unknown;
    userPoolId?: unknown;
    callerContext?: { clientId?: unknown };
    request?: { userAttributes?: { sub?: unknown } };
  };
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  return {
    triggerSource: text(event.triggerSource),
    userPoolId: text(event.userPoolId),
    clientId: text(event.callerContext?.clientId),
    userSub: text(event.request?.userAttributes?.sub),
  };
}
