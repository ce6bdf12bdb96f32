/**
 * Strict decoders for the encodings password-hash strings use. Each returns `undefined` for a
 * value that is not exactly one encoding of some bytes, so a corrupted export row is reported as
 * malformed instead of being decoded into other bytes and never matching.
 */

const STANDARD_BASE64 = /^[A-Za-z0-9+/]*$/;

/**
 * Decodes unpadded standard base64, the PHC string format's "B64" (argon2, scrypt). passlib writes
 * its scrypt hashes with `.` in place of `+` ("ab64"); `.` is in no other alphabet, so it is read
 * as `+`.
 *
 * @example
 * decodePhcBase64('c2FsdHNhbHQ'); // Uint8Array of 'saltsalt'
 * decodePhcBase64('c2F=');        // undefined: padding is not B64
 */
export function decodePhcBase64(text: string): Uint8Array | undefined {
  const standard = text.replaceAll('.', '+');
  if (!STANDARD_BASE64.test(standard) || standard.length % 4 === 1) return undefined;
  const bytes = Buffer.from(standard, 'base64');
  // Buffer.from ignores stray bits in the last character: re-encoding catches a non-canonical value.
  if (bytes.toString('base64').replace(/=+$/, '') !== standard) return undefined;
  return new Uint8Array(bytes);
}

/**
 * Decodes padded standard base64, as Django writes its hashes (`base64.b64encode`).
 *
 * @example
 * decodePaddedBase64('c2FsdA=='); // Uint8Array of 'salt'
 */
export function decodePaddedBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  return new Uint8Array(bytes);
}

/**
 * A decimal integer written without sign, leading zeros or anything else, within `[min, max]`.
 *
 * @example
 * parseBoundedInteger('870000', 1, 10_000_000); // 870000
 * parseBoundedInteger('08', 1, 10);             // undefined
 */
export function parseBoundedInteger(text: string, min: number, max: number): number | undefined {
  if (!/^(0|[1-9]\d{0,9})$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}
