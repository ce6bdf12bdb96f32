/**
 * The benchmark's reusable parts: statistics, size budgets, and the table and chart renderers.
 * `pnpm bench` runs `src/bench.ts`; `pnpm size` runs `src/check-size.ts`.
 */
export * from './stats';
export * from './budget';
export * from './repo';
export * from './render';
export * from './svg';
export * from './targets';
export * from './results';
