import { describe, expect, it } from 'vitest';
import { median, quantile, ratio, summarize } from '../src/stats';

describe('statistics', () => {
  it('takes the median of an odd and an even number of samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates quartiles between ranks, whatever the order of the samples', () => {
    expect(quantile([5, 1, 4, 2, 3], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(quantile([7], 0.75)).toBe(7);
  });

  it('summarises samples as min, quartiles, median, max and IQR', () => {
    expect(summarize([1, 2, 3, 4, 5])).toEqual({ n: 5, min: 1, q1: 2, median: 3, q3: 4, max: 5, iqr: 2 });
  });

  it('keeps the median and IQR steady when one sample is an outlier', () => {
    const summary = summarize([10, 10.2, 9.9, 10.1, 10, 250]);
    expect(summary.median).toBeCloseTo(10.05);
    expect(summary.iqr).toBeLessThan(0.3);
    expect(summary.max).toBe(250);
  });

  it('refuses to summarise no samples or a quantile outside 0..1', () => {
    expect(() => summarize([])).toThrow(/no samples/);
    expect(() => quantile([1], 1.5)).toThrow(/outside/);
  });

  it('gives no ratio over zero or a negative number', () => {
    expect(ratio(105, 100)).toBeCloseTo(1.05);
    expect(ratio(1, 0)).toBeUndefined();
    expect(ratio(1, -2)).toBeUndefined();
    expect(ratio(Number.NaN, 2)).toBeUndefined();
  });
});
