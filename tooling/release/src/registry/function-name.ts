/**
 * The default prefix of every trigger function's name.
 *
 * @example
 * `${DEFAULT_FUNCTION_PREFIX}post-confirmation`; // 'cognito-post-confirmation'
 */
export const DEFAULT_FUNCTION_PREFIX = 'cognito-';

/**
 * The Lambda function name of a trigger: `<prefix><app name>`. The CDK stacks name functions with
 * it and the deploy command finds them with it; `TRIGGER_FUNCTION_PREFIX` separates stages or
 * teams sharing an account (e.g. `staging-cognito-`).
 *
 * @example
 * functionNameFor('post-confirmation', { TRIGGER_FUNCTION_PREFIX: 'staging-cognito-' }); // 'staging-cognito-post-confirmation'
 */
export function functionNameFor(
  triggerName: string,
  environment: Readonly<Record<string, string | undefined>> = {},
): string {
  const prefix = environment.TRIGGER_FUNCTION_PREFIX?.trim() || DEFAULT_FUNCTION_PREFIX;
  return `${prefix}${triggerName}`;
}
