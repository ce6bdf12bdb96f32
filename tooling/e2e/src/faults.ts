import type { SesFault } from '@cognito-triggers/local-stack';

/**
 * The SES trouble the fault and load runs inject: errors the SDK retries (throttling, 500s), one it
 * must not retry (a rejected message), and a few hangs (kept rare: each costs the trigger its whole
 * ~4.7 s budget).
 *
 * @example
 * startLocalStack({ sesFaults: faultShares(FAULT_SHARES, 7) });
 */
export const FAULT_SHARES: Readonly<Partial<Record<SesFault, number>>> = {
  throttle: 0.1,
  'server-error': 0.06,
  reject: 0.04,
  hang: 0.01,
};
