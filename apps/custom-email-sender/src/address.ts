import { domainToASCII } from 'node:url';
import { MessageNotSentError } from './errors';

// Linear: one pass over characters that can never appear in a plain address.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const FORBIDDEN = /[\s<>()[\]\\,;:"\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks the recipient Cognito gave (`request.userAttributes.email`) before anything is sent: one
 * address, no display name, no CR/LF or control characters, no second `@`, well-formed Unicode,
 * within SMTP's lengths; an internationalised domain is sent in its ASCII (punycode) form.
 *
 * @example
 * recipientAddress('jane@exämple.com'); // 'jane@xn--exmple-cua.com'
 */
export function recipientAddress(value: string | undefined): string {
  const fail = (reason: string, explanation: string): never => {
    throw new MessageNotSentError('RECIPIENT_INVALID', reason, explanation);
  };
  if (value === undefined || value.trim() === '') return fail('missing', 'request.userAttributes.email is missing');
  const address = value.trim();
  if (address.length > 254) return fail('too-long', 'request.userAttributes.email is longer than 254 characters');
  if (LONE_SURROGATE.test(address)) return fail('malformed', 'request.userAttributes.email is not well-formed Unicode');
  const at = address.indexOf('@');
  if (at <= 0 || at !== address.lastIndexOf('@') || FORBIDDEN.test(address)) {
    return fail('malformed', 'request.userAttributes.email must be one plain address');
  }
  const local = address.slice(0, at);
  const domain = domainToASCII(address.slice(at + 1));
  if (local.length > 64 || domain === '' || !domain.includes('.') || domain.startsWith('.') || domain.endsWith('.')) {
    return fail('malformed', 'request.userAttributes.email must be one plain address');
  }
  return `${local}@${domain}`;
}

/**
 * Parses `EMAIL_FROM` (`address` or `Name <address>`) into what SES takes as `Source`, a
 * non-ASCII name RFC 2047-encoded. Throws a message for the configuration reader to prefix.
 *
 * @example
 * senderHeader('Acme <hello@acme.example>'); // 'Acme <hello@acme.example>'
 */
export function senderHeader(raw: string): string {
  const named = /^([^<>]*)<([^<>]+)>$/.exec(raw.trim());
  const address = (named?.[2] ?? raw).trim();
  try {
    recipientAddress(address);
  } catch {
    throw new Error('must be an e-mail address or "Name <address>"');
  }
  const name = named?.[1]?.trim().replace(/^"(.*)"$/, '$1');
  if (!name) return address;
  if (/[\r\n]/.test(name)) throw new Error('must not contain line breaks');
  // SES rejects raw non-ASCII in headers: an encoded-word carries it.
  if (/[^\x20-\x7e]/.test(name)) return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?= <${address}>`;
  return /[(),.:;<>@[\\\]"]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}" <${address}>` : `${name} <${address}>`;
}
