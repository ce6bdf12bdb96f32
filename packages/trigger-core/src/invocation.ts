/**
 * One invocation's log: a child logger carrying its context, the handler's annotations, and the
 * one summary line, `invocation finished`, that says how it ended. This is the warm path: the
 * summary's constant part is serialised once per handler, and the context by hand, not through
 * the generic field walk.
 */
import type { Context } from 'aws-lambda';
import type { FailurePolicy, TriggerFamilyName } from './family';
import { jsonFragment, type JsonLinesLogger, type LogFields, type LogValue } from './logger';
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
 * The log of one invocation: its lines carry the request id, the event's non-personal
 * identifiers and whether this is a cold start; `finish` writes its summary line.
 *
 * @example
 * const log = new InvocationLog(baseLogger, fragments, rawEvent, lambdaContext, startedAt, budgetMs, coldStart);
 * log.annotate({ emailKind: 'welcome' });
 * log.finish('success');
 */
export class InvocationLog {
  readonly logger: JsonLinesLogger;
  private annotations: Record<string, LogValue> | undefined;
  private readonly fragments: SummaryFragments;
  private readonly startedAt: number;
  private readonly budgetMs: number;

  constructor(
    baseLogger: JsonLinesLogger,
    fragments: SummaryFragments,
    rawEvent: unknown,
    lambdaContext: Context | undefined,
    startedAt: number,
    budgetMs: number,
    coldStart: boolean,
  ) {
    this.logger = baseLogger.childWithContext(() => contextJson(rawEvent, lambdaContext, coldStart));
    this.fragments = fragments;
    this.startedAt = startedAt;
    this.budgetMs = budgetMs;
  }

  annotate(fields: LogFields): void {
    this.annotations = Object.assign(this.annotations ?? {}, fields);
  }

  /** Writes the summary line (at ERROR for a failure, INFO otherwise) unless that level is off. */
  finish(outcome: Outcome, error?: unknown): void {
    const level = outcome === 'failed' ? 'ERROR' : 'INFO';
    if (!this.logger.writes(level)) return;
    // Annotations first: a reader that meets a key twice keeps the last, the wrapper's own.
    const fields =
      jsonFragment(this.annotations) +
      this.fragments[outcome] +
      `,"durationMs":${jsonNumber(Date.now() - this.startedAt)},"budgetMs":${jsonNumber(Math.round(this.budgetMs))}` +
      (error === undefined ? '' : jsonFragment(describeError(error)));
    this.logger.writePrepared(level, 'invocation finished', fields);
  }
}

function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

/** A string field, scrubbed like every logged string; nothing when the value is not a string. */
function stringField(key: string, value: unknown): string {
  return typeof value === 'string' ? `,"${key}":${JSON.stringify(scrubPersonalData(value))}` : '';
}

/**
 * {@link stringField} for a field whose value rarely changes between invocations (a warm instance
 * serves one pool, a few clients and sources): the last value's JSON is kept.
 */
function repeatedStringField(key: string): (value: unknown) => string {
  let lastValue: string | undefined;
  let lastJson = '';
  return (value) => {
    if (typeof value !== 'string') return '';
    if (value !== lastValue) {
      lastJson = stringField(key, value);
      lastValue = value;
    }
    return lastJson;
  };
}

const triggerSourceField = repeatedStringField('triggerSource');
const userPoolIdField = repeatedStringField('userPoolId');
const clientIdField = repeatedStringField('clientId');

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
      triggerSourceField(event.triggerSource) +
      userPoolIdField(event.userPoolId) +
      clientIdField(event.callerContext?.clientId) +
      stringField('userSub', event.request?.userAttributes?.sub);
  }
  return `${json},"coldStart":${coldStart}`;
}
