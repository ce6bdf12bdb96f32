/**
 * One invocation's log: a child logger carrying its context, the handler's annotations, and the
 * one summary line, `invocation finished`, that says how it ended. This is the warm path: the
 * summary's constant part is serialised once per handler, and the context by hand, not through
 * the generic field walk.
 */
import type { Context } from 'aws-lambda';
import type { FailurePolicy, TriggerFamilyName } from './family';
import { jsonFragment, type JsonLinesLogger, type LogFields, type Logger, type LogValue } from './logger';
import { describeError } from './redact';
import { scrubPersonalData } from './scrub';

/**
 * How an invocation ended: the handler's answer went back (`success`), the handler refused the
 * user on purpose (`rejected`), or the failure policy applied (`failed`).
 *
 * @example
 * const outcome: Outcome = 'rejected'; // a UserFacingError
 */
export type Outcome = 'success' | 'rejected' | 'failed';

/**
 * The log of one invocation.
 *
 * @example
 * log.annotate({ emailKind: 'welcome' });
 * log.finish('success');
 */
export interface InvocationLog {
  readonly logger: Logger;
  annotate(fields: LogFields): void;
  /** Writes the summary line (at ERROR for a failure, INFO otherwise) unless that level is off. */
  finish(outcome: Outcome, error?: unknown): void;
}

/**
 * The serialised fields every summary line of one handler starts with, per outcome.
 *
 * @example
 * const fragments = summaryFragments({ family: 'PreSignUp', failurePolicy: 'reject' });
 */
export type SummaryFragments = Readonly<Record<Outcome, string>>;

/**
 * Serialises, once per handler, the summary fields that do not change between invocations.
 *
 * @example
 * summaryFragments({ family: 'PreSignUp', failurePolicy: 'reject' }).failed;
 * // ',"outcome":"failed","family":"PreSignUp","failurePolicy":"reject"'
 */
export function summaryFragments(facts: { family: TriggerFamilyName; failurePolicy: FailurePolicy }): SummaryFragments {
  const family = `,"family":${JSON.stringify(facts.family)}`;
  return {
    success: `,"outcome":"success"${family}`,
    rejected: `,"outcome":"rejected"${family}`,
    failed: `,"outcome":"failed"${family},"failurePolicy":${JSON.stringify(facts.failurePolicy)}`,
  };
}

/**
 * Starts the log of one invocation: its lines carry the request id, the event's non-personal
 * identifiers and whether this is a cold start.
 *
 * @example
 * const log = startInvocationLog(baseLogger, fragments, rawEvent, lambdaContext, { startedAt, budgetMs, coldStart });
 * log.finish('success');
 */
export function startInvocationLog(
  baseLogger: JsonLinesLogger,
  fragments: SummaryFragments,
  rawEvent: unknown,
  lambdaContext: Context | undefined,
  timing: { readonly startedAt: number; readonly budgetMs: number; readonly coldStart: boolean },
): InvocationLog {
  const logger = baseLogger.childWithContext(() => contextJson(rawEvent, lambdaContext, timing.coldStart));
  let annotations: Record<string, LogValue> | undefined;
  return {
    logger,
    annotate(fields) {
      annotations = Object.assign(annotations ?? {}, fields);
    },
    finish(outcome, error) {
      const level = outcome === 'failed' ? 'ERROR' : 'INFO';
      if (!logger.writes(level)) return;
      // Annotations first: a reader that meets a key twice keeps the last, the wrapper's own.
      const fields =
        jsonFragment(annotations) +
        fragments[outcome] +
        `,"durationMs":${jsonNumber(Date.now() - timing.startedAt)},"budgetMs":${jsonNumber(Math.round(timing.budgetMs))}` +
        (error === undefined ? '' : jsonFragment(describeError(error)));
      logger.writePrepared(level, 'invocation finished', fields);
    },
  };
}

function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

/** A string field, scrubbed like every logged string; nothing when the value is not a string. */
function stringField(key: string, value: unknown): string {
  return typeof value === 'string' ? `,"${key}":${JSON.stringify(scrubPersonalData(value))}` : '';
}

/** The invocation's context, read defensively because the event is not yet checked. */
function contextJson(rawEvent: unknown, lambdaContext: Context | undefined, coldStart: boolean): string {
  const requestId: unknown = lambdaContext?.awsRequestId;
  // A hand-made context may carry anything: the generic path serialises it safely.
  let json =
    typeof requestId === 'string' || requestId === undefined
      ? stringField('awsRequestId', requestId)
      : jsonFragment({ awsRequestId: requestId as LogValue });
  if (typeof rawEvent === 'object' && rawEvent !== null) {
    const event = rawEvent as {
      triggerSource?: unknown;
      userPoolId?: unknown;
      callerContext?: { clientId?: unknown };
      request?: { userAttributes?: { sub?: unknown } };
    };
    json +=
      stringField('triggerSource', event.triggerSource) +
      stringField('userPoolId', event.userPoolId) +
      stringField('clientId', event.callerContext?.clientId) +
      stringField('userSub', event.request?.userAttributes?.sub);
  }
  return `${json},"coldStart":${coldStart}`;
}
