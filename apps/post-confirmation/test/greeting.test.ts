import { describe, expect, it } from 'vitest';
import { greetingName, MAX_GREETING_NAME } from '../src/greeting';

const codePoints = (text: string | undefined) => [...(text ?? '')].length;

describe('greetingName', () => {
  it('greets by given_name, else name, trimmed', () => {
    expect(greetingName({ given_name: ' Jane ', name: 'Jane Doe' })).toBe('Jane');
    expect(greetingName({ name: 'Jane Doe' })).toBe('Jane Doe');
    expect(greetingName({})).toBeUndefined();
  });

  it('keeps names in any script, with their accents, joiners and emoji', () => {
    for (const name of ['Zoë', 'Þórunn', 'محمد', '王小明', 'मेरा\u200dनाम', 'Ana 👩\u200d💻']) {
      expect(greetingName({ given_name: name })).toBe(name);
    }
  });

  it('turns line breaks and control characters into single spaces', () => {
    expect(greetingName({ given_name: 'Jane\r\nBcc: eve@evil.example' })).toBe('Jane Bcc: eve@evil.example');
    expect(greetingName({ given_name: 'Jane\t\u0000\u0085\u2028Doe\n' })).toBe('Jane Doe');
  });

  it('removes bidirectional overrides, embeddings, isolates and marks', () => {
    expect(greetingName({ given_name: 'Jane\u202egnp.exe' })).toBe('Janegnp.exe');
    expect(greetingName({ given_name: '\u2066Jane\u2069\u200f\u202a\u061c' })).toBe('Jane');
  });

  it('falls back to name when given_name has nothing printable left', () => {
    expect(greetingName({ given_name: '\u202e\r\n ', name: 'Jane Doe' })).toBe('Jane Doe');
    expect(greetingName({ given_name: '\u202e', name: '\n' })).toBeUndefined();
  });

  it('replaces a lone surrogate with U+FFFD, so the name is well-formed', () => {
    const name = greetingName({ name: 'Mallory \ud800' });
    expect(name).toBe('Mallory \ufffd');
    expect(name?.isWellFormed()).toBe(true);
  });

  it(`caps a long name at ${MAX_GREETING_NAME} code points, ending in an ellipsis`, () => {
    const name = greetingName({ given_name: 'x'.repeat(500) });
    expect(name).toBe(`${'x'.repeat(MAX_GREETING_NAME - 1)}…`);
    expect(greetingName({ given_name: 'x'.repeat(MAX_GREETING_NAME) })).toBe('x'.repeat(MAX_GREETING_NAME));
    // 64 astral characters are 128 UTF-16 units but 64 code points: not cut.
    expect(greetingName({ given_name: '😀'.repeat(MAX_GREETING_NAME) })).toBe('😀'.repeat(MAX_GREETING_NAME));
  });

  it('never cuts inside a character made of several code points', () => {
    const family = '👩\u200d👩\u200d👧'; // five code points, one character
    const name = greetingName({ given_name: family.repeat(20) }) ?? '';
    expect(name).toBe(`${family.repeat(12)}…`);
    const zalgo = `Z${'\u0301'.repeat(100)}`;
    expect(codePoints(greetingName({ given_name: zalgo }))).toBe(MAX_GREETING_NAME);
  });

  it('cleans and caps a megabyte-long name', () => {
    const name = greetingName({ given_name: 'Jane\r\n\u202e'.repeat(150_000) });
    expect(codePoints(name)).toBeLessThanOrEqual(MAX_GREETING_NAME);
    expect(name).toMatch(/^Jane Jane .*…$/);
    expect(name).not.toMatch(/[\r\n\u202e]/);
  });
});
