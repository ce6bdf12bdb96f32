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

// Deliberately simple: SES rejects what it cannot deliver; this catches typos at cold start.
const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const NAME_AND_ADDRESS = /^\s*(?:"([^"]*)"|([^<>"]*?))\s*<([^<>]+)>\s*$/;

/**
 * Parses `address` or `Name <address>` (the name may be quoted). Throws an error that says what
 * is wrong, for the configuration reader to prefix with the variable's name.
 *
 * @example
 * parseMailbox('"Acme, Inc." <hello@acme.example>').displayName; // 'Acme, Inc.'
 */
export function parseMailbox(raw: string): Mailbox {
  const text = raw.trim();
  const named = NAME_AND_ADDRESS.exec(text);
  const address = (named ? named[3] : text)?.trim() ?? '';
  const displayName = named ? (named[1] ?? named[2] ?? '').trim() || undefined : undefined;
  if (!ADDRESS.test(address)) {
    throw new Error('must be an e-mail address or "Name <address>"');
  }
  return { address, displayName, header: displayName ? `${encodeDisplayName(displayName)} <${address}>` : address };
}

function encodeDisplayName(name: string): string {
  // SES rejects raw non-ASCII in headers: encode as an RFC 2047 encoded-word.
  if (/[^\x20-\x7e]/.test(name)) return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
  return /[(),.:;<>@[\\\]"]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : name;
}
