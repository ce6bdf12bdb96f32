/**
 * The longest greeting name, in code points (Unicode characters). Longer names are cut at a
 * character boundary (never inside an emoji or an accented letter) and end with `…`. 64 fits every
 * real given name and most full names, and keeps an attribute of up to 2048 characters (Cognito's
 * limit) from filling the e-mail.
 *
 * @example
 * [...(greetingName({ name: 'x'.repeat(500) }) ?? '')].length; // 64
 */
export const MAX_GREETING_NAME = 64;

// C0 and C1 controls (CR, LF, tab, …) and the Unicode line and paragraph separators: each run becomes one space.
const LINE_BREAKS_AND_CONTROLS = /[\p{Cc}\u2028\u2029]+/gu;
// Bidirectional marks, embeddings, overrides and isolates: in a name they only serve to make the
// text around it read differently from how it is stored ("Trojan Source").
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const WHITE_SPACE = /\s+/g;
// Made at the first name that needs cutting, not at import: building a grapheme segmenter loads
// ICU's break-iterator data, 10 to 20 ms of a cold start, and almost no name is that long.
let segmenter: Intl.Segmenter | undefined;

/**
 * The name to greet a user by: `given_name`, else `name`, made safe to place in an e-mail.
 * Each is made well-formed (a lone surrogate becomes U+FFFD), its control characters, line breaks
 * and bidirectional controls removed, its white space collapsed, and it is capped at
 * {@link MAX_GREETING_NAME} code points. `undefined` when neither leaves anything to print.
 *
 * @example
 * greetingName({ given_name: 'Jane\r\nBcc: eve@evil.example' }); // 'Jane Bcc: eve@evil.example'
 * greetingName({ given_name: '\u202e', name: 'Jane Doe' }); // 'Jane Doe'
 */
export function greetingName(attributes: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const raw of [attributes.given_name, attributes.name]) {
    const name = typeof raw === 'string' ? cleanName(raw) : '';
    if (name !== '') return name;
  }
  return undefined;
}

function cleanName(raw: string): string {
  const name = raw
    .toWellFormed()
    .replace(LINE_BREAKS_AND_CONTROLS, ' ')
    .replace(BIDI_CONTROLS, '')
    .replace(WHITE_SPACE, ' ')
    .trim();
  return capped(name);
}

function capped(name: string): string {
  if (!longerThan(name, MAX_GREETING_NAME)) return name;
  const room = MAX_GREETING_NAME - 1; // for the ellipsis
  let kept = '';
  let used = 0;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(name)) {
    const size = [...segment].length;
    if (used + size > room) break;
    kept += segment;
    used += size;
  }
  // A single grapheme longer than the cap (stacked combining marks) is cut by code point instead.
  if (kept === '') kept = [...name].slice(0, room).join('');
  return `${kept.trimEnd()}…`;
}

/** Whether `text` has more than `max` code points, looking at no more of it than that. */
function longerThan(text: string, max: number): boolean {
  // A string of at most `max` UTF-16 units has at most as many code points.
  if (text.length <= max) return false;
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > max) return true;
  }
  return false;
}
