import escape from 'escape-html';

/**
 * Escapes a value for HTML text or a quoted attribute, so that user-supplied values (names,
 * usernames) cannot inject markup into an e-mail.
 *
 * @example
 * escapeHtml('<b>Jane</b>'); // '&lt;b&gt;Jane&lt;/b&gt;'
 */
export function escapeHtml(value: string): string {
  return escape(value);
}
