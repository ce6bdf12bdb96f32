import { isTrueAttribute, type PreSignUpEvent } from '@cognito-triggers/trigger-core';

/**
 * The response flags a decision turns on; flags it leaves out stay as Cognito sent them.
 *
 * @example
 * Object.assign(event.response, { autoConfirmUser: true } satisfies ResponseFlags);
 */
export type ResponseFlags = Partial<
  Pick<PreSignUpEvent['response'], 'autoConfirmUser' | 'autoVerifyEmail' | 'autoVerifyPhone'>
>;

/**
 * What an auto-confirm domain gets for one sign-up: the flags, or why none is set
 * (`provider-email-unverified`, `admin-created`).
 *
 * @example
 * const grant: AutoConfirmGrant = { flags: { autoConfirmUser: true } };
 */
export type AutoConfirmGrant =
  | { readonly flags: ResponseFlags; readonly withheld?: undefined }
  | { readonly flags?: undefined; readonly withheld: 'provider-email-unverified' | 'admin-created' };

/**
 * What "auto-confirm" means for a user whose address is in an auto-confirm domain. A flag that
 * verifies an attribute is set only when someone proved the value: never on a self sign-up (the
 * user typed the address and proved nothing, and a verified e-mail or phone would move an
 * existing user's sign-in alias to this account); for a federated user only when the identity
 * provider asserted it (`email_verified` / `phone_number_verified` of `"true"` or `true`).
 *
 * - `PreSignUp_SignUp`: `autoConfirmUser` only, so the account is active without a code; the
 *   address stays unverified.
 * - `PreSignUp_ExternalProvider`: `autoConfirmUser` and `autoVerifyEmail` when the provider
 *   asserted the e-mail, plus `autoVerifyPhone` with `verifyPhone` when it asserted the phone
 *   number; nothing otherwise (Cognito confirms federated users itself).
 * - `PreSignUp_AdminCreateUser` (gated): nothing, since Cognito ignores all three flags there.
 *
 * @example
 * autoConfirmGrant(triggerEvent('PreSignUp_SignUp'), false); // { flags: { autoConfirmUser: true } }
 */
export function autoConfirmGrant(event: PreSignUpEvent, verifyPhone: boolean): AutoConfirmGrant {
  const attributes = event.request.userAttributes;
  switch (event.triggerSource) {
    case 'PreSignUp_SignUp':
      return { flags: { autoConfirmUser: true } };
    case 'PreSignUp_AdminCreateUser':
      return { withheld: 'admin-created' };
    case 'PreSignUp_ExternalProvider': {
      // Absent, "false", "0", "no" or anything else is not an assertion.
      if (!isTrueAttribute(attributes.email_verified)) return { withheld: 'provider-email-unverified' };
      const phoneAsserted = Boolean(attributes.phone_number) && isTrueAttribute(attributes.phone_number_verified);
      return {
        flags: {
          autoConfirmUser: true,
          autoVerifyEmail: true,
          ...(verifyPhone && phoneAsserted ? { autoVerifyPhone: true } : {}),
        },
      };
    }
  }
}
