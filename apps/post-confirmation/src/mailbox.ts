import { ADDRESS_PROBLEMS, readAddress } from './address';

/**
 * An e-mail mailbox from configuration: the address and how to write it in a header.
 *
 * @example
 * parseMailbox('Acme <hello@acme.example>').header; // 'Acme <hello@acme.example>'
 */
export interface Mailbox {
  address: string;
  displayName: string | undefined;
  /** The mailbox as SES expects it in `Source`/`ReplyToAddresses`, non-ASCII names RFC 2047-encoded. */
  header: string;
}

const SHAPE = 'must be an e-mail address or "Name <address>"';

/**
 * Parses `address` or `Name <address>` (the name may be quoted). The address is read as strictly
 * as a recipient's ({@link readAddress}), except that its domain must be ASCII (write an
 * internationalised domain in its `xn--` form): the deployed role may send only from this exact
 * address. Throws an error that says what is wrong, for the configuration reader to prefix with
 * the variable's name.
 *
 * @example
 * parseMailbox('"Acme, Inc." <hello@acme.example>').displayName; // 'Acme, Inc.'
 */
export function parseMailbox(raw: string): Mailbox {
  const text = raw.trim();
  // Split by position rather than with one regex: linear, and the name may hold anything but <, > and ".
  const named = text.endsWith('>') ? text.lastIndexOf('<') : -1;
  const addressText = named >= 0 ? text.slice(named + 1, -1) : text;
  const displayName = named >= 0 ? readDisplayName(text.slice(0, named)) : undefined;
  const address = readAddress(addressText);
  if (!address.ok) throw new Error(`${SHAPE}: ${ADDRESS_PROBLEMS[address.problem]}`);
  return {
    address: address.address,
    displayName,
    header: displayName ? `${encodeDisplayName(displayName)} <${address.address}>` : address.address,
  };
}

function readDisplayName(raw: string): string | undefined {
  const text = raw.trim();
  const quoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"');
  const name = (quoted ? text.slice(1, -1) : text).trim();
  if (/[<>"]/.test(name)) throw new Error(`${SHAPE}: the name holds <, > or a quote of its own`);
  if (/[\p{Cc}\u2028\u2029]/u.test(name)) throw new Error(`${SHAPE}: the name holds a line break or control character`);
  return name || undefined;
}

function encodeDisplayName(name: string): string {
  // SES rejects raw non-ASCII in headers: encode as an RFC 2047 encoded-word.
  if (/[^\x20-\x7e]/.test(name)) return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
  return /[(),.:;<>@[\\\]"]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : name;
}
