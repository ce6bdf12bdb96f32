/**
 * The benchmark's reusable parts: statistics and the table and chart renderers.
 * `pnpm bench` runs `src/bench.ts`.
 */
export * from './stats';
export * from './repo';
export * from './render';
export * from './svg';
export * from './targets';
export * from './results';
