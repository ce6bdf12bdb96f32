/**
 * Masks an e-mail address for the demo's report: the first letter of the local part and the domain.
 *
 * @example
 * maskAddress('jane.doe@example.com'); // 'j•••@example.com'
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

/**
 * The first non-empty lines of an e-mail's text part, indented for the report.
 *
 * @example
 * firstLines('Hi,\n\nWelcome!\nBye', 2); // ['Hi,', 'Welcome!']
 */
export function firstLines(text: string | undefined, count: number): string[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .slice(0, count);
}

/**
 * Masks every personal value (name, address) of a user wherever it appears in a line of text.
 *
 * @example
 * maskPersonalValues('Hi Jane,', { given_name: 'Jane' }); // 'Hi J•••,'
 */
export function maskPersonalValues(line: string, attributes: Readonly<Record<string, string>>): string {
  let masked = line;
  for (const key of ['email', 'given_name', 'family_name', 'name', 'preferred_username', 'phone_number']) {
    const value = attributes[key];
    if (value && value.length > 1)
      masked = masked.split(value).join(key === 'email' ? maskAddress(value) : `${value[0]}•••`);
  }
  return masked;
}
