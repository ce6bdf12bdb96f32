import type { Summary } from './stats';

/**
 * A table the report prints to the terminal and writes as markdown.
 *
 * @example
 * const table: Table = { title: 'Bundles', headers: ['bundle', 'raw'], align: ['left', 'right'], rows: [['plain', '312.9 KiB']] };
 */
export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
  /** Per column; numbers read best right-aligned. Defaults to left. */
  align?: ('left' | 'right')[];
  /** Lines printed under the table. */
  notes?: string[];
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * Renders a table as GitHub-flavoured markdown, with its title as a `###` heading.
 *
 * @example
 * markdownTable({ title: 'T', headers: ['a'], rows: [['1']] });
 * // '### T\n\n| a |\n| :-- |\n| 1 |\n'
 */
export function markdownTable(table: Table): string {
  const align = (index: number) => (table.align?.[index] === 'right' ? '--:' : ':--');
  const lines = [
    `### ${table.title}`,
    '',
    `| ${table.headers.map(escapeCell).join(' | ')} |`,
    `| ${table.headers.map((_, index) => align(index)).join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ];
  if (table.notes && table.notes.length > 0) lines.push('', ...table.notes);
  return `${lines.join('\n')}\n`;
}

/**
 * Renders a table as aligned plain text for the terminal.
 *
 * @example
 * console.log(textTable({ title: 'T', headers: ['a', 'b'], rows: [['1', '2']] }));
 */
export function textTable(table: Table): string {
  const widths = table.headers.map((header, index) =>
    Math.max(header.length, ...table.rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) =>
        table.align?.[index] === 'right' ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const out = [
    table.title,
    '='.repeat(table.title.length),
    line(table.headers),
    line(widths.map((width) => '-'.repeat(width))),
    ...table.rows.map(line),
  ];
  if (table.notes && table.notes.length > 0) out.push(...table.notes.map((note) => `  ${note}`));
  return `${out.join('\n')}\n`;
}

/**
 * A number with a unit, with as many decimals as make sense for its size.
 *
 * @example
 * formatNumber(59.624, 'ms'); // '59.6 ms'
 * formatNumber(0.4321, 'ms'); // '0.43 ms'
 */
export function formatNumber(value: number, unit: string): string {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

/**
 * A summary as "median (IQR x)", the way every timing in the report is shown.
 *
 * @example
 * formatSummary(summarize([10, 11, 12, 13]), 'ms'); // '11.5 ms (IQR 1.50 ms)'
 */
export function formatSummary(summary: Summary, unit: string, scale = 1): string {
  return `${formatNumber(summary.median * scale, unit)} (IQR ${formatNumber(summary.iqr * scale, unit)})`;
}

/**
 * A ratio as "1.03×", or "n/a" when there is none.
 *
 * @example
 * formatRatio(1.0321); // '1.03×'
 */
export function formatRatio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}×`;
}

/**
 * Bytes as KiB with one decimal.
 *
 * @example
 * formatKiB(328_832); // '321.1 KiB'
 */
export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
