import { describe, expect, it } from 'vitest';
import { wellFormed } from '../src/well-formed';

describe('wellFormed', () => {
  it('replaces lone surrogates in every string of a nested request, and only them', () => {
    const input = {
      Source: 'hello@acme.example',
      Destination: { ToAddresses: ['jane@example.com', 'x\udc00'] },
      Message: { Subject: { Data: 'Hi Mallory \ud800', Charset: 'UTF-8' }, Body: { Text: { Data: 'ok 😀' } } },
    };
    expect(wellFormed(input)).toEqual({
      Source: 'hello@acme.example',
      Destination: { ToAddresses: ['jane@example.com', 'x\ufffd'] },
      Message: { Subject: { Data: 'Hi Mallory \ufffd', Charset: 'UTF-8' }, Body: { Text: { Data: 'ok 😀' } } },
    });
  });

  it('leaves its argument as it was and keeps values that are not plain data', () => {
    const when = new Date(0);
    const input = { text: '\ud800', when, count: 3, missing: undefined, bytes: new Uint8Array([1]) };
    const output = wellFormed(input);
    expect(input.text).toBe('\ud800');
    expect(output).toEqual({ text: '\ufffd', when, count: 3, missing: undefined, bytes: new Uint8Array([1]) });
    expect(output.when).toBe(when);
  });
});
