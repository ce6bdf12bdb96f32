/**
 * Why a message was not sent although the event was well formed. Each is logged by its `code`
 * and `reason` (never the code, the address or the ciphertext), and rethrown so that Lambda retries;
 * nothing is ever sent in its place.
 *
 * @example
 * if (error instanceof MessageNotSentError && error.reason === 'wrong-key') alarm();
 */
export class MessageNotSentError extends Error {
  override name = 'MessageNotSentError';
  readonly code: 'CODE_NOT_DECRYPTED' | 'RECIPIENT_INVALID' | 'MESSAGE_NOT_RENDERED';
  readonly reason: string;

  constructor(code: MessageNotSentError['code'], reason: string, explanation: string, options?: { cause?: unknown }) {
    super(`${explanation} (${reason})`, options);
    this.code = code;
    this.reason = reason;
  }
}
