/**
 * The loggers the log-line benchmark compares, by id, with the label the table shows.
 *
 * @example
 * LOG_LINE_LABELS['trigger-core']; // 'trigger-core logger'
 */
export const LOG_LINE_LABELS = {
  'trigger-core': 'trigger-core logger',
  'console.log(JSON.stringify)': 'console.log(JSON.stringify(…))',
  powertools: 'Powertools Logger',
  pino: 'pino',
} as const;

/**
 * The id of a logger in the log-line benchmark.
 *
 * @example
 * const variants = Object.keys(LOG_LINE_LABELS) as LogLineVariant[];
 */
export type LogLineVariant = keyof typeof LOG_LINE_LABELS;
