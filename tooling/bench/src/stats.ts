/**
 * A distribution of timings reduced to what the report shows: the median and how far the middle
 * half spreads around it.
 *
 * @example
 * const { median, iqr } = summarize([12.1, 11.8, 12.4]);
 */
export interface Summary {
  /** How many samples. */
  n: number;
  min: number;
  /** First quartile. */
  q1: number;
  median: number;
  /** Third quartile. */
  q3: number;
  max: number;
  /** Interquartile range, `q3 - q1`: robust to the odd slow sample a GC pause or the OS causes. */
  iqr: number;
}

/**
 * The `p`-quantile (0 to 1) of samples, interpolating linearly between the two nearest ranks
 * (R's and numpy's default, "type 7"), so small samples give stable quartiles.
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5); // 2.5
 */
export function quantile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('quantile of no samples');
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile ${p} is outside 0..1`);
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

/**
 * The median of samples.
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/**
 * Summarises samples as min, quartiles, median, max and IQR.
 *
 * @example
 * summarize([1, 2, 3, 4, 5]); // { n: 5, min: 1, q1: 2, median: 3, q3: 4, max: 5, iqr: 2 }
 */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summary of no samples');
  const q1 = quantile(samples, 0.25);
  const q3 = quantile(samples, 0.75);
  return {
    n: samples.length,
    min: Math.min(...samples),
    q1,
    median: quantile(samples, 0.5),
    q3,
    max: Math.max(...samples),
    iqr: q3 - q1,
  };
}

/**
 * `a / b`, or `undefined` when `b` is not a positive number (a ratio over nothing means nothing).
 *
 * @example
 * ratio(105, 100); // 1.05
 */
export function ratio(a: number, b: number): number | undefined {
  return b > 0 && Number.isFinite(a) && Number.isFinite(b) ? a / b : undefined;
}
