/**
 * One bar of a chart panel.
 *
 * @example
 * const bar: ChartBar = { label: 'post-confirmation', value: 321.1, display: '321.1 KiB', highlight: true };
 */
export interface ChartBar {
  label: string;
  value: number;
  /** The value as the bar's caption shows it. */
  display: string;
  /** Drawn in the accent colour: the project's own code, as opposed to a reference. */
  highlight?: boolean;
}

/**
 * A group of bars sharing one scale, with a title that says what is measured and which way is better.
 *
 * @example
 * const panel: ChartPanel = { title: 'Bundle size (KiB, smaller is better)', bars };
 */
export interface ChartPanel {
  title: string;
  bars: ChartBar[];
}

const WIDTH = 760;
const LABEL_WIDTH = 270;
const VALUE_WIDTH = 130;
const BAR_HEIGHT = 18;
const BAR_GAP = 6;
const PANEL_TITLE = 22;
const PANEL_GAP = 18;
const ACCENT = '#2563eb';
const MUTED = '#9ca3af';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Draws panels of horizontal bars as a standalone SVG: no script, no external font or style, so it
 * renders the same on GitHub and in any viewer. Each panel is scaled to its own largest value.
 *
 * @example
 * await writeFile('docs/benchmarks.svg', renderBarChart('Benchmarks', 'Node 24, 2 cores', panels));
 */
export function renderBarChart(title: string, subtitle: string, panels: readonly ChartPanel[]): string {
  const barArea = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20;
  const parts: string[] = [];
  let y = 20;
  parts.push(`<text x="10" y="${y}" font-size="16" font-weight="bold">${escapeXml(title)}</text>`);
  y += 18;
  parts.push(`<text x="10" y="${y}" font-size="11" fill="#4b5563">${escapeXml(subtitle)}</text>`);
  y += 16;
  parts.push(
    `<rect x="10" y="${y - 9}" width="10" height="10" fill="${ACCENT}"/><text x="24" y="${y}" font-size="11">this repo (trigger-core)</text>`,
    `<rect x="170" y="${y - 9}" width="10" height="10" fill="${MUTED}"/><text x="184" y="${y}" font-size="11">reference implementations and other loggers</text>`,
  );
  y += PANEL_GAP;
  for (const panel of panels) {
    y += PANEL_TITLE - 6;
    parts.push(`<text x="10" y="${y}" font-size="13" font-weight="bold">${escapeXml(panel.title)}</text>`);
    y += 8;
    const max = Math.max(...panel.bars.map((bar) => bar.value), 0);
    for (const bar of panel.bars) {
      const width = max > 0 ? Math.max(1, (Math.max(0, bar.value) / max) * barArea) : 1;
      const middle = y + BAR_HEIGHT / 2 + 4;
      parts.push(
        `<text x="${LABEL_WIDTH}" y="${middle}" font-size="12" text-anchor="end">${escapeXml(bar.label)}</text>`,
        `<rect x="${LABEL_WIDTH + 8}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" rx="2" fill="${bar.highlight ? ACCENT : MUTED}"/>`,
        `<text x="${(LABEL_WIDTH + 14 + width).toFixed(1)}" y="${middle}" font-size="12">${escapeXml(bar.display)}</text>`,
      );
      y += BAR_HEIGHT + BAR_GAP;
    }
    y += PANEL_GAP - BAR_GAP;
  }
  const height = y + 4;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g font-family="-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" fill="#111827">`,
    ...parts,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
