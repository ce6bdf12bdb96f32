/**
 * Cognito's clock: how long a handler may run (the budget), and the deadline that ends it.
 *
 * A cold start's first invocation also pays for the init phase, but only when Cognito waited
 * through it: inside Lambda, initialised on demand, and with the invocation right after init.
 * Provisioned concurrency and SnapStart say so in `AWS_LAMBDA_INITIALIZATION_TYPE`; Lambda's
 * proactive initialisation does not (it reports `on-demand`), and shows only as a gap: on demand,
 * Lambda hands over the waiting event within milliseconds of init (extensions' init included),
 * while an environment made ahead of demand waits seconds to minutes for its first request, whose
 * clock started then, not with the process. Counting a gap no longer than
 * {@link MAX_INIT_TO_INVOKE_GAP_MS} errs on the safe side: a budget too short ends the handler
 * early, a budget too long would let Cognito time out first.
 */
import type { Context } from 'aws-lambda';
import { DeadlineExceededError } from './errors';

/**
 * Cognito waits at most this long for a synchronous trigger, whatever the Lambda timeout is.
 *
 * @example
 * defineTrigger(preSignUp, { service: 'gate', maxBudgetMs: COGNITO_TIMEOUT_MS - 1_000 }, decide);
 */
export const COGNITO_TIMEOUT_MS = 5_000;

/**
 * Time kept back from the deadline for returning the response to Cognito.
 *
 * @example
 * defineTrigger(preSignUp, { service: 'gate', safetyMarginMs: DEFAULT_SAFETY_MARGIN_MS * 2 }, decide);
 */
export const DEFAULT_SAFETY_MARGIN_MS = 300;

/**
 * The longest time, in milliseconds, between the end of the init phase and a cold start's first
 * invocation for which the init phase still counts against Cognito's limit (see the module's
 * comment for why).
 *
 * @example
 * const proactive = performance.now() - rules.initEndedAtMs > MAX_INIT_TO_INVOKE_GAP_MS;
 */
export const MAX_INIT_TO_INVOKE_GAP_MS = 1_000;

/** What the budget of every invocation of one handler depends on, fixed at cold start. */
export interface BudgetRules {
  readonly maxBudgetMs: number;
  readonly safetyMarginMs: number;
  /**
   * Inside Lambda and initialised on demand: a cold start's init phase began with the process
   * and counts against Cognito's limit when the first invocation follows it closely.
   */
  readonly countsInitPhase: boolean;
  /** `performance.now()` when the handler was defined, at the end of its module: the end of the init phase, as near as the wrapper can tell. */
  readonly initEndedAtMs: number;
}

/**
 * The milliseconds a handler gets: `min(remaining, max − init) − margin`, never negative.
 *
 * @example
 * budgetMs(rules, lambdaContext, coldStart); // 4700 on a warm instance with a long Lambda timeout
 */
export function budgetMs(rules: BudgetRules, lambdaContext: Context | undefined, coldStart: boolean): number {
  // Outside Lambda the process is a test runner that started long before this simulated cold start.
  const initMs = coldStart && rules.countsInitPhase ? initPhaseMs(rules) : 0;
  // A hand-made context (a console test, a local runner) may lack the method: Cognito's limit still holds.
  const remainingMs =
    typeof lambdaContext?.getRemainingTimeInMillis === 'function'
      ? lambdaContext.getRemainingTimeInMillis()
      : rules.maxBudgetMs;
  return Math.max(0, Math.min(remainingMs, rules.maxBudgetMs - initMs) - rules.safetyMarginMs);
}

/** What Cognito waited before a cold start's first invocation: the process's life so far, unless init ended long before. */
function initPhaseMs(rules: BudgetRules): number {
  const now = performance.now();
  if (now - rules.initEndedAtMs > MAX_INIT_TO_INVOKE_GAP_MS) return 0;
  return Math.min(Math.round(now), rules.maxBudgetMs);
}

/**
 * The process's one deadline timer. Lambda runs one invocation at a time per process, so instead
 * of a timer made and cleared per invocation, one is re-armed with `refresh()`, and kept referenced
 * only while a deadline is pending, so that an idle process (a test runner, the local stack) can
 * exit. A deadline that starts while another is pending (tests running invocations side by side)
 * gets a timer of its own.
 */
const clock: { timer: ReturnType<typeof setTimeout> | undefined; delayMs: number; pending: Deadline | undefined } = {
  timer: undefined,
  delayMs: Number.NaN,
  pending: undefined,
};

function onClockFired(): void {
  const deadline = clock.pending;
  clock.pending = undefined;
  deadline?.expire();
}

/**
 * One invocation's deadline: an `AbortSignal` that fires at it, and `race`, which settles with
 * the handler or with a {@link DeadlineExceededError}, whichever comes first.
 *
 * @example
 * const deadline = new Deadline(Date.now(), 4_700);
 * try {
 *   const answer = await deadline.race(() => ses.send(command, { abortSignal: deadline.signal }));
 * } finally {
 *   deadline.end();
 * }
 */
export class Deadline {
  readonly at: number;
  private readonly budgetMs: number;
  // Made only when the handler asks for the signal: most of the cost of a warm invocation is
  // allocation, and handlers without I/O never need one.
  private controller: AbortController | undefined;
  private expired: DeadlineExceededError | undefined;
  private rejectRace: ((error: DeadlineExceededError) => void) | undefined;
  private ownTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(startedAt: number, budgetMs: number) {
    this.at = startedAt + budgetMs;
    this.budgetMs = budgetMs;
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.expired) this.controller.abort(this.expired);
    }
    return this.controller.signal;
  }

  remainingMs(): number {
    return Math.max(0, this.at - Date.now());
  }

  /**
   * The handler's answer, or a rejection with {@link DeadlineExceededError} at the deadline. One
   * promise settled by whichever comes first: a late answer or failure of the handler lands on a
   * settled promise and goes nowhere. Call {@link Deadline.end} once it has settled.
   */
  race<T>(work: () => T | Promise<T>): Promise<T> {
    this.arm();
    return new Promise<T>((resolve, reject) => {
      this.rejectRace = reject;
      // A handler that throws synchronously rejects the promise here, as an async one would.
      Promise.resolve(work()).then(resolve, reject);
    });
  }

  /** Stops the clock for this deadline: the race has settled. Calling it again does nothing. */
  end(): void {
    this.rejectRace = undefined;
    if (this.ownTimer) {
      clearTimeout(this.ownTimer);
      return;
    }
    if (clock.pending === this) {
      clock.pending = undefined;
      // Left to fire into nothing, unreferenced: the next invocation re-arms it.
      clock.timer?.unref();
    }
  }

  /** Called by the timer: aborts the signal and ends the race. */
  expire(): void {
    this.expired = new DeadlineExceededError(this.budgetMs);
    this.controller?.abort(this.expired);
    this.rejectRace?.(this.expired);
  }

  private arm(): void {
    if (clock.pending) {
      this.ownTimer = setTimeout(() => this.expire(), this.budgetMs);
      return;
    }
    clock.pending = this;
    if (clock.timer && clock.delayMs === this.budgetMs) {
      clock.timer.refresh();
      clock.timer.ref();
    } else {
      if (clock.timer) clearTimeout(clock.timer);
      clock.timer = setTimeout(onClockFired, this.budgetMs);
      clock.delayMs = this.budgetMs;
    }
  }
}
