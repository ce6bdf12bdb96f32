// Replaces @cognito-triggers/trigger-core in the reference builds. The references reuse the app's
// pure e-mail logic, which needs two helpers from trigger-core; a team without trigger-core would
// have written these two lines themselves, and should not pay for the rest of its modules.
import escape from 'escape-html';

/**
 * Escapes a value for HTML, as trigger-core's `escapeHtml` does.
 *
 * @example
 * escapeHtml('<b>'); // '&lt;b&gt;'
 */
export function escapeHtml(value: string): string {
  return escape(value);
}

/**
 * True for Cognito's `"true"` and AWS's sample-event `true`, as trigger-core's `isTrueAttribute`.
 *
 * @example
 * isTrueAttribute('true'); // true
 */
export function isTrueAttribute(value: string | boolean | undefined): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}
