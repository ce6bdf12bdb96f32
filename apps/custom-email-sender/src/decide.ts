import type { SendEmailCommandInput } from '@aws-sdk/client-ses';
import {
  pickLocale,
  renderMessage,
  renderNotice,
  type Locale,
  type MessageSource,
  type NoticeKind,
} from '@cognito-triggers/email-templates';
import { escapeHtml, type CustomEmailSenderEvent } from '@cognito-triggers/trigger-core';
import { recipientAddress } from './address';
import type { CustomEmailSenderConfig } from './config';
import { MessageNotSentError } from './errors';

/**
 * Which template an e-mail is written from: a code message shared with custom-message, or a notice.
 *
 * @example
 * const kind: EmailKind = 'CustomMessage_ForgotPassword';
 */
export type EmailKind = MessageSource | NoticeKind;

/**
 * One e-mail, ready for SES, and what may be logged about it.
 *
 * @example
 * await ses.send(new SendEmailCommand(email.input), { abortSignal: signal });
 */
export interface ComposedEmail {
  kind: EmailKind;
  locale: Locale;
  localeSource: 'user-attribute' | 'client-metadata' | 'default';
  input: SendEmailCommandInput;
}

/**
 * The sender's sources and the custom-message templates they share: the same texts, with the real
 * code in place of Cognito's placeholder. An account-takeover notification has a notice of its own.
 *
 * @example
 * EMAIL_KINDS.CustomEmailSender_ResendCode; // 'CustomMessage_ResendCode'
 */
export const EMAIL_KINDS: Readonly<Record<CustomEmailSenderEvent['triggerSource'], EmailKind>> = {
  CustomEmailSender_SignUp: 'CustomMessage_SignUp',
  CustomEmailSender_ResendCode: 'CustomMessage_ResendCode',
  CustomEmailSender_ForgotPassword: 'CustomMessage_ForgotPassword',
  CustomEmailSender_UpdateUserAttribute: 'CustomMessage_UpdateUserAttribute',
  CustomEmailSender_VerifyUserAttribute: 'CustomMessage_VerifyUserAttribute',
  CustomEmailSender_AdminCreateUser: 'CustomMessage_AdminCreateUser',
  CustomEmailSender_Authentication: 'CustomMessage_Authentication',
  CustomEmailSender_AccountTakeOverNotification: 'AccountTakeOverNotification',
};

const GIVEN_NAME_LIMIT = 100;

/**
 * Writes the e-mail for an event in the user's language, with the decrypted `code` (`null` for a
 * notice), to `recipient` (default: the `email` attribute; a notice's may be looked up). A message that does not carry the code (and, for an invitation, the user name) is an
 * error: no e-mail ever goes out without what the user needs.
 *
 * @example
 * composeEmail(triggerEvent('CustomEmailSender_SignUp'), '402913', config).input.Message?.Subject?.Data;
 * // 'Confirm your Acme account'
 */
export function composeEmail(
  event: CustomEmailSenderEvent,
  code: string | null,
  config: CustomEmailSenderConfig,
  recipient?: string,
): ComposedEmail {
  const attributes: Readonly<Record<string, string | undefined>> = event.request.userAttributes;
  const to = recipientAddress(recipient ?? attributes.email);
  const { locale, source: localeSource } = pickLocale(
    [
      ['user-attribute', attributes.locale],
      ['client-metadata', event.request.clientMetadata?.locale],
    ] as const,
    config.defaultLocale,
  );
  const givenName = cleanName(attributes.given_name) ?? cleanName(attributes.name);
  const kind = EMAIL_KINDS[event.triggerSource];
  let subject: string;
  let html: string;
  if (kind === 'AccountTakeOverNotification') {
    ({ emailSubject: subject, emailMessage: html } = renderNotice(locale, kind, {
      appName: config.appName,
      appUrl: config.appUrl,
      givenName,
      blocked: attributes.ACCOUNT_TAKE_OVER_ACTION === 'BLOCK',
      loginTime: attributes.LOGIN_TIME,
      location: [attributes.CITY, attributes.COUNTRY].filter(Boolean).join(', ') || undefined,
      ipAddress: attributes.IP_ADDRESS,
      device: attributes.DEVICE_NAME,
      confirmLink: attributes.ONE_CLICK_LINK_VALID,
      reportLink: attributes.ONE_CLICK_LINK_INVALID,
    }));
  } else {
    if (code === null || code.trim() === '') {
      throw new MessageNotSentError('MESSAGE_NOT_RENDERED', 'code-missing', 'the message has no code to send');
    }
    const username = kind === 'CustomMessage_AdminCreateUser' ? event.userName : undefined;
    const rendered = renderMessage(
      locale,
      kind,
      { appName: config.appName, appUrl: config.appUrl, givenName, code, username },
      'code',
    );
    // Templates are data a translator edits: one that lost its code slot must fail loudly.
    if (!rendered.emailMessage.includes(escapeHtml(code))) {
      throw new MessageNotSentError(
        'MESSAGE_NOT_RENDERED',
        'code-missing',
        `the ${locale} ${kind} e-mail lacks the code`,
      );
    }
    if (username !== undefined && (username === '' || !rendered.emailMessage.includes(escapeHtml(username)))) {
      throw new MessageNotSentError(
        'MESSAGE_NOT_RENDERED',
        'username-missing',
        `the ${locale} ${kind} e-mail lacks the user name`,
      );
    }
    subject = rendered.emailSubject;
    html = rendered.emailMessage;
  }
  return {
    kind,
    locale,
    localeSource,
    input: {
      Source: config.from,
      Destination: { ToAddresses: [to] },
      ...(config.configurationSet ? { ConfigurationSetName: config.configurationSet } : {}),
      Message: {
        Subject: { Data: subject, Charset: 'UTF-8' },
        Body: { Html: { Data: html, Charset: 'UTF-8' } },
      },
    },
  };
}

/** A greeting name: trimmed, control characters and line breaks removed, capped; `undefined` if empty. */
function cleanName(value: string | undefined): string | undefined {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const name = value?.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!name) return undefined;
  return [...name].slice(0, GIVEN_NAME_LIMIT).join('');
}
