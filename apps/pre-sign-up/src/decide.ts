import type { PreSignUpEvent } from '@cognito-triggers/trigger-core';
import { parseAddress, type AddressProblem } from './address';
import { autoConfirmGrant, type ResponseFlags } from './auto-confirm';
import type { PreSignUpConfig } from './config';
import type { DisposableCheck } from './disposable';
import { matchDomain, type RuleMatch } from './domain-list';

export type { ResponseFlags } from './auto-confirm';

/**
 * What end users read when the gate refuses them (Cognito shows it after "PreSignUp failed with
 * error"). Deliberately vague: the address is never echoed, nor which list it was on.
 *
 * @example
 * throw new UserFacingError(REJECTION_MESSAGES.domain);
 */
export const REJECTION_MESSAGES = {
  domain: 'Sign-ups with this e-mail domain are not allowed.',
  email: 'Please sign up with a valid e-mail address.',
} as const;

/**
 * Why a sign-up was let through; logged as is.
 *
 * @example
 * const reason: AllowReason = 'auto-confirmed';
 */
export type AllowReason = 'allowed' | 'auto-confirmed' | 'admin-bypass';

/**
 * Why a sign-up was refused; logged as is.
 *
 * @example
 * const reason: RejectReason = 'not-in-allow-list';
 */
export type RejectReason = 'blocked-domain' | 'not-in-allow-list' | 'disposable' | 'missing-email' | 'invalid-email';

/**
 * A detail of an allowed sign-up worth a log field: why no domain rule could apply, or why an
 * auto-confirm domain got no flags.
 *
 * @example
 * const detail: AllowDetail = 'provider-email-unverified';
 */
export type AllowDetail = 'no-email' | 'invalid-email' | 'provider-email-unverified' | 'admin-created';

/**
 * The gate's verdict on one PreSignUp event. `rule` says which configured entry decided and
 * `problem` what made an address unreadable, never the user's address or domain, so the whole
 * decision can be logged.
 *
 * @example
 * const decision = decideSignUp(event, config);
 * if (decision.action === 'reject') throw new UserFacingError(decision.userMessage);
 */
export type SignUpDecision =
  | {
      action: 'allow';
      reason: AllowReason;
      rule?: RuleMatch;
      detail?: AllowDetail;
      problem?: AddressProblem;
      response: ResponseFlags;
    }
  | { action: 'reject'; reason: RejectReason; rule?: RuleMatch; problem?: AddressProblem; userMessage: string };

/**
 * Decides whether a user may be created and whether to confirm them without a code. Rules, first
 * match wins: an admin-created user passes (unless `GATE_ADMIN_CREATED_USERS`); an address that
 * cannot be read strictly (see `parseAddress`) is refused while any domain rule is on; a blocked
 * domain is refused; a domain outside a set allow-list is refused; a throw-away provider is
 * refused (unless its domain is listed in the allow or auto-confirm list); an auto-confirm domain
 * gets what `autoConfirmGrant` allows for its trigger source; anything else passes unchanged.
 *
 * @example
 * decideSignUp(triggerEvent('PreSignUp_SignUp'), { ...config, blocked: { variable: 'BLOCKED_EMAIL_DOMAINS', rules: parseDomainList('example.com') } });
 * // { action: 'reject', reason: 'blocked-domain', rule: { list: 'BLOCKED_EMAIL_DOMAINS', entry: 0, match: 'exact' }, userMessage: '...' }
 */
export function decideSignUp(
  event: PreSignUpEvent,
  config: PreSignUpConfig,
  isDisposable?: DisposableCheck,
): SignUpDecision {
  if (event.triggerSource === 'PreSignUp_AdminCreateUser' && !config.gateAdminCreatedUsers) {
    return { action: 'allow', reason: 'admin-bypass', response: {} };
  }
  const gated = config.allowed !== undefined || config.blocked !== undefined || isDisposable !== undefined;
  const address = event.request.userAttributes.email;
  if (address === undefined || address === '') {
    // "Only these domains may sign up" cannot be checked without an address; the other rules have nothing to refuse.
    if (config.allowed) return reject('missing-email', REJECTION_MESSAGES.email);
    return { action: 'allow', reason: 'allowed', detail: 'no-email', response: {} };
  }
  const parsed = parseAddress(address);
  if ('problem' in parsed) {
    // An address that cannot be read cannot be shown to be outside a blocked domain: fail closed.
    if (gated) return { ...reject('invalid-email', REJECTION_MESSAGES.email), problem: parsed.problem };
    return { action: 'allow', reason: 'allowed', detail: 'invalid-email', problem: parsed.problem, response: {} };
  }
  const { domain } = parsed;

  const blocked = matchDomain(config.blocked, domain);
  if (blocked) return reject('blocked-domain', REJECTION_MESSAGES.domain, blocked);
  const allowed = matchDomain(config.allowed, domain);
  if (config.allowed && !allowed) return reject('not-in-allow-list', REJECTION_MESSAGES.domain);
  const autoConfirm = matchDomain(config.autoConfirm, domain);
  // Listing a domain explicitly overrides the shared list, whose rare false positives are then fixable by configuration.
  if (isDisposable && !allowed && !autoConfirm && isDisposable(domain)) {
    return reject('disposable', REJECTION_MESSAGES.domain);
  }

  if (!autoConfirm) return { action: 'allow', reason: 'allowed', ...(allowed ? { rule: allowed } : {}), response: {} };
  const grant = autoConfirmGrant(event, config.autoVerifyPhone);
  if (grant.withheld)
    return { action: 'allow', reason: 'allowed', rule: autoConfirm, detail: grant.withheld, response: {} };
  return { action: 'allow', reason: 'auto-confirmed', rule: autoConfirm, response: grant.flags };
}

function reject(reason: RejectReason, userMessage: string, rule?: RuleMatch): SignUpDecision {
  return { action: 'reject', reason, ...(rule ? { rule } : {}), userMessage };
}
