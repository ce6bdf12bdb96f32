import { describe, expect, it } from 'vitest';
import { convertAttribute } from '../src/convert';

describe('convertAttribute', () => {
  it('keeps a string as it is stored, spaces included', () => {
    expect(convertAttribute(' acme ', 'string')).toEqual({ ok: true, value: ' acme ' });
  });

  it.each([
    ['5', 5],
    [' 12 ', 12],
    ['-3', -3],
    ['2.5', 2.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('turns "%s" into the real number %s', (raw, value) => {
    expect(convertAttribute(raw, 'number')).toEqual({ ok: true, value });
  });

  it.each(['many', '', ' ', '0x1f', 'Infinity', 'NaN', '1,000', '5 seats'])('refuses "%s" as a number', (raw) => {
    expect(convertAttribute(raw, 'number')).toEqual({ ok: false, reason: 'not-a-number' });
  });

  it('refuses a number a token reader would get back changed', () => {
    expect(convertAttribute('12345678901234567890', 'number')).toEqual({ ok: false, reason: 'number-too-large' });
    expect(convertAttribute('1e400', 'number')).toEqual({ ok: false, reason: 'number-too-large' });
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['false', false],
    [' False ', false],
    ['0', false],
  ])('turns "%s" into the boolean %s', (raw, value) => {
    expect(convertAttribute(raw, 'boolean')).toEqual({ ok: true, value });
  });

  it.each(['yes', 'on', '', 'truthy'])('refuses "%s" as a boolean', (raw) => {
    expect(convertAttribute(raw, 'boolean')).toEqual({ ok: false, reason: 'not-a-boolean' });
  });

  it('splits a list on commas, trimming items and dropping empty ones', () => {
    expect(convertAttribute('admin, billing,,support ', 'string[]')).toEqual({
      ok: true,
      value: ['admin', 'billing', 'support'],
    });
    expect(convertAttribute('', 'string[]')).toEqual({ ok: true, value: [] });
  });

  it('parses JSON objects, lists of single values and single values', () => {
    expect(convertAttribute('{"id":"o-1","tags":["a",null]}', 'json')).toEqual({
      ok: true,
      value: { id: 'o-1', tags: ['a', null] },
    });
    expect(convertAttribute('["read", 2, true]', 'json')).toEqual({ ok: true, value: ['read', 2, true] });
    expect(convertAttribute('42', 'json')).toEqual({ ok: true, value: 42 });
  });

  it('refuses text that is not JSON, null, and lists holding lists or objects', () => {
    expect(convertAttribute('{id: 1}', 'json')).toEqual({ ok: false, reason: 'not-json' });
    expect(convertAttribute('null', 'json')).toEqual({ ok: false, reason: 'not-a-claim-value' });
    expect(convertAttribute('[{"a":1}]', 'json')).toEqual({ ok: false, reason: 'not-a-claim-value' });
    expect(convertAttribute('[[1]]', 'json')).toEqual({ ok: false, reason: 'not-a-claim-value' });
  });
});
