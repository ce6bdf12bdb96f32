import type { SendEmailCommandInput } from '@aws-sdk/client-ses';
import { escapeHtml, isTrueAttribute, type PostConfirmationEvent } from '@cognito-triggers/trigger-core';
import { readAddress, type AddressProblem } from './address';
import type { PostConfirmationConfig } from './config';
import { greetingName } from './greeting';
import { wellFormed } from './well-formed';

/**
 * Why no e-mail is sent; logged as is (no personal data).
 *
 * @example
 * logger.info('no e-mail sent', { reason: 'email-not-verified' satisfies SkipReason });
 */
export type SkipReason =
  'no-email-attribute' | 'email-address-invalid' | 'email-not-verified' | 'password-change-notice-off';

/**
 * What the trigger does for one event: send one e-mail, or skip with a reason.
 *
 * @example
 * const decision = decideEmail(event, config);
 * if (decision.action === 'send') await ses.send(new SendEmailCommand(decision.input));
 */
export type EmailDecision =
  | { action: 'send'; kind: 'welcome' | 'password-changed'; input: SendEmailCommandInput }
  | { action: 'skip'; reason: Exclude<SkipReason, 'email-address-invalid'> }
  | { action: 'skip'; reason: 'email-address-invalid'; addressProblem: AddressProblem };

/**
 * Decides which e-mail a PostConfirmation event gets. A confirmed sign-up gets the welcome e-mail;
 * a password reset never does (it gets the security notice instead, unless switched off). The
 * recipient must be one deliverable address (else `email-address-invalid`, with the problem), and
 * every string of the request is well-formed, so the SDK cannot fail half way through writing it.
 *
 * @example
 * decideEmail(triggerEvent('PostConfirmation_ConfirmForgotPassword'), config).kind; // 'password-changed'
 */
export function decideEmail(event: PostConfirmationEvent, config: PostConfirmationConfig): EmailDecision {
  const attributes = event.request.userAttributes;
  if (event.triggerSource === 'PostConfirmation_ConfirmForgotPassword' && !config.passwordChangeNotice) {
    return { action: 'skip', reason: 'password-change-notice-off' };
  }
  const email = attributes.email;
  if (email === undefined || email.trim() === '') return { action: 'skip', reason: 'no-email-attribute' };
  // Cognito checks an e-mail attribute's shape only loosely, and an admin or a migration can set anything.
  const to = readAddress(email, { unicodeDomain: true });
  if (!to.ok) return { action: 'skip', reason: 'email-address-invalid', addressProblem: to.problem };
  if (config.requireVerifiedEmail && !isTrueAttribute(attributes.email_verified)) {
    return { action: 'skip', reason: 'email-not-verified' };
  }
  const content =
    event.triggerSource === 'PostConfirmation_ConfirmSignUp'
      ? welcomeContent(greetingName(attributes), config)
      : passwordChangedContent(greetingName(attributes), config);
  return {
    action: 'send',
    kind: event.triggerSource === 'PostConfirmation_ConfirmSignUp' ? 'welcome' : 'password-changed',
    input: wellFormed({
      Source: config.from.header,
      Destination: { ToAddresses: [to.address] },
      ...(config.replyTo.length > 0 ? { ReplyToAddresses: config.replyTo.map((mailbox) => mailbox.header) } : {}),
      ...(config.configurationSet ? { ConfigurationSetName: config.configurationSet } : {}),
      Message: {
        Subject: { Data: content.subject, Charset: 'UTF-8' },
        Body: {
          Text: { Data: content.text, Charset: 'UTF-8' },
          Html: { Data: content.html, Charset: 'UTF-8' },
        },
      },
    }),
  };
}

interface Content {
  subject: string;
  text: string;
  html: string;
}

function welcomeContent(name: string | undefined, config: PostConfirmationConfig): Content {
  const hello = name ? `Hi ${name},` : 'Hi,';
  const next = config.appUrl ? `Sign in at ${config.appUrl} to get started.` : 'You can sign in now.';
  return {
    subject: `Welcome to ${config.appName}`,
    text: `${hello}\n\nYour ${config.appName} account is confirmed. ${next}\n\nThe ${config.appName} team\n`,
    html: page(
      `Welcome to ${config.appName}`,
      `<p>${escapeHtml(hello)}</p>
<p>Your ${escapeHtml(config.appName)} account is confirmed. ${
        config.appUrl ? `<a href="${escapeHtml(config.appUrl)}">Sign in</a> to get started.` : 'You can sign in now.'
      }</p>
<p>The ${escapeHtml(config.appName)} team</p>`,
    ),
  };
}

function passwordChangedContent(name: string | undefined, config: PostConfirmationConfig): Content {
  const hello = name ? `Hi ${name},` : 'Hi,';
  const reset = config.appUrl ? ` at ${config.appUrl}` : '';
  return {
    subject: `Your ${config.appName} password was changed`,
    text: `${hello}\n\nThe password of your ${config.appName} account was just changed. If this was you, there is nothing more to do.\n\nIf it was not you, reset your password now${reset} and contact us.\n\nThe ${config.appName} team\n`,
    html: page(
      `Your ${config.appName} password was changed`,
      `<p>${escapeHtml(hello)}</p>
<p>The password of your ${escapeHtml(config.appName)} account was just changed. If this was you, there is nothing more to do.</p>
<p>If it was not you, ${
        config.appUrl ? `<a href="${escapeHtml(config.appUrl)}">reset your password now</a>` : 'reset your password now'
      } and contact us.</p>
<p>The ${escapeHtml(config.appName)} team</p>`,
    ),
  };
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: -apple-system, Segoe UI, Roboto, sans-serif; line-height: 1.5">
${body}
</body></html>
`;
}
