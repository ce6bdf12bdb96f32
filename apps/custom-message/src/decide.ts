import {
  customMessageProblem,
  type CustomMessageEvent,
  type CustomMessageField,
  type CustomMessageProblem,
} from '@cognito-triggers/trigger-core';
import type { CustomMessageConfig } from './config';
import { chooseLocale, type LocaleSource } from './locale';
import { renderMessage, type RenderedMessage } from './render';
import type { Locale } from './templates/index';

/** The sources whose e-mail confirms the address, and so carries the link in pools that verify by link. */
const LINK_SOURCES: ReadonlySet<string> = new Set(['CustomMessage_SignUp', 'CustomMessage_ResendCode']);

/**
 * Why Cognito's default message is kept; logged as is (no personal data).
 *
 * @example
 * const reason: KeepDefaultReason = 'link-parameter-missing';
 */
export type KeepDefaultReason = 'link-parameter-missing' | CustomMessageProblem['reason'];

/**
 * What the trigger does with one event: write its own message, or keep Cognito's with a reason.
 *
 * @example
 * const decision = composeMessage(event, config);
 * if (decision.action === 'customise') Object.assign(event.response, decision.texts);
 */
export type MessageDecision = { locale: Locale; localeSource: LocaleSource } & (
  | { action: 'customise'; verification: 'code' | 'link'; texts: RenderedMessage }
  | { action: 'keep-default'; reason: KeepDefaultReason; field?: CustomMessageField }
);

/**
 * Writes the branded message for a CustomMessage event in the user's language, and checks it
 * against Cognito's rules before it is used: a message that lacks a placeholder or is too long is
 * never sent, so Cognito's default message (which has the code) goes out instead.
 *
 * @example
 * composeMessage(triggerEvent('CustomMessage_ForgotPassword'), config);
 * // { action: 'customise', locale: 'en', texts: { emailSubject: 'Reset your Acme password', ... } }
 */
export function composeMessage(event: CustomMessageEvent, config: CustomMessageConfig): MessageDecision {
  const { locale, source: localeSource } = chooseLocale(event, config.defaultLocale);
  const { codeParameter, usernameParameter, linkParameter, userAttributes } = event.request;
  const verification = config.emailVerification === 'link' && LINK_SOURCES.has(event.triggerSource) ? 'link' : 'code';
  if (verification === 'link' && linkParameter === undefined) {
    return { action: 'keep-default', reason: 'link-parameter-missing', locale, localeSource };
  }
  const texts = renderMessage(
    locale,
    event.triggerSource,
    {
      appName: config.appName,
      appUrl: config.appUrl,
      givenName: userAttributes.given_name?.trim() || userAttributes.name?.trim() || undefined,
      code: codeParameter,
      username: usernameParameter ?? undefined,
      link: linkParameter,
    },
    verification,
  );
  const problem = customMessageProblem(event, texts);
  if (problem) return { action: 'keep-default', reason: problem.reason, field: problem.field, locale, localeSource };
  return { action: 'customise', verification, texts, locale, localeSource };
}
