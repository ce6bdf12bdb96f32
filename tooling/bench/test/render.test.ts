import { describe, expect, it } from 'vitest';
import {
  formatKiB,
  formatNumber,
  formatRatio,
  formatSummary,
  markdownTable,
  textTable,
  type Table,
} from '../src/render';
import { renderMarkdown } from '../src/documents';
import { chartPanels, coldStartTable, renderChart } from '../src/report';
import { summaryParagraph } from '../src/summary';
import { summarize } from '../src/stats';
import { renderBarChart } from '../src/svg';
import { evaluateTargets } from '../src/targets';
import { fixtureResults } from './fixture';

const table: Table = {
  title: 'Sizes',
  headers: ['bundle', 'raw'],
  align: ['left', 'right'],
  rows: [
    ['plain | SDK', '1.0 KiB'],
    ['post-confirmation', '12.5 KiB'],
  ],
  notes: ['Built the same way.'],
};

describe('tables', () => {
  it('renders markdown with right-aligned numbers and escaped pipes', () => {
    expect(markdownTable(table)).toBe(
      '### Sizes\n\n| bundle | raw |\n| :-- | --: |\n| plain \\| SDK | 1.0 KiB |\n| post-confirmation | 12.5 KiB |\n\nBuilt the same way.\n',
    );
  });

  it('renders aligned plain text for the terminal', () => {
    const lines = textTable(table).split('\n');
    expect(lines[2]).toBe('bundle                  raw');
    expect(lines[4]).toBe('plain | SDK         1.0 KiB');
    expect(lines[5]).toBe('post-confirmation  12.5 KiB');
  });

  it('formats numbers, summaries, ratios and sizes', () => {
    expect(formatNumber(123.4, 'ms')).toBe('123 ms');
    expect(formatNumber(59.64, 'ms')).toBe('59.6 ms');
    expect(formatNumber(0.4321, 'µs')).toBe('0.43 µs');
    expect(formatSummary(summarize([10, 11, 12, 13]), 'ms')).toBe('11.5 ms (IQR 1.50 ms)');
    expect(formatSummary(summarize([3000, 3000]), 'µs', 1 / 1000)).toBe('3.00 µs (IQR 0.00 µs)');
    expect(formatRatio(1.0321)).toBe('1.03×');
    expect(formatRatio(undefined)).toBe('n/a');
    expect(formatKiB(328_832)).toBe('321.1 KiB');
  });
});

describe('chart', () => {
  it('draws one bar per value, scaled to the largest in its panel', () => {
    const svg = renderBarChart('Title', 'sub', [
      {
        title: 'Sizes',
        bars: [
          { label: 'ours', value: 50, display: '50', highlight: true },
          { label: 'theirs', value: 100, display: '100' },
        ],
      },
    ]);
    const widths = [...svg.matchAll(/<rect x="278" y="\d+" width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBeCloseTo((widths[0] ?? 0) * 2, 0);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('escapes labels so that a name cannot break the markup', () => {
    const svg = renderBarChart('A & B', '<sub>', [
      { title: 'x', bars: [{ label: 'console.log(<"x">)', value: 1, display: '1 & 2' }] },
    ]);
    expect(svg).toContain('console.log(&lt;&quot;x&quot;&gt;)');
    expect(svg).toContain('A &amp; B');
    expect(svg).not.toContain('<sub>');
  });

  it('charts a run: bundles, cold starts, warm overhead over bare, log lines and builds', () => {
    const panels = chartPanels(fixtureResults());
    expect(panels.map((panel) => panel.bars.length)).toEqual([4, 3, 3, 4, 5]);
    const overhead = panels[2]?.bars.find((bar) => bar.label === 'post-confirmation');
    expect(overhead).toMatchObject({ value: 8, highlight: true });
    expect(renderChart(fixtureResults())).toContain('bundles on Node 24.21.0');
  });
});

describe('report', () => {
  it('opens with a paragraph that quotes the numbers and names any missed target', () => {
    const results = fixtureResults({ warmAppUs: 22 });
    const paragraph = summaryParagraph(results, evaluateTargets(results));
    expect(paragraph).toContain("post-confirmation's bundle is 68.4 KiB, 0.70× a plain-SDK handler's");
    expect(paragraph).toContain("90.0 ms from process start to the answer, 0.75× the plain-SDK handler's 120 ms");
    expect(paragraph).toContain(
      "trigger-core's wrapper and logger cost 20.0 µs of CPU per invocation over a bare handler, against 40.0 µs for Powertools + Middy",
    );
    expect(paragraph).toContain(
      'Targets: 8 of 9 met; missed: warm overhead (send stubbed) 0.50×, goal ≤ 0.25× (CPU time).',
    );
  });

  it('splits each warm overhead into the wrapper and its log lines', () => {
    const results = fixtureResults();
    results.warm.stub.push(
      {
        id: 'post-confirmation:quiet',
        label: 'post-confirmation, log level ERROR',
        perInvocationUs: summarize([5]),
        cpuPerInvocationUs: summarize([5]),
      },
      {
        id: 'powertools-middy:quiet',
        label: 'Powertools + Middy, log level ERROR',
        perInvocationUs: summarize([20]),
        cpuPerInvocationUs: summarize([20]),
      },
    );
    const quietBar = chartPanels(results)[2]?.bars.find((bar) => bar.label === 'post-confirmation, log level ERROR');
    expect(quietBar?.highlight).toBe(true);
    expect(renderMarkdown(results, evaluateTargets(results))).toContain(
      'With logging at ERROR (no line written) the CPU overhead, send stubbed, splits into: trigger-core 3.00 µs without its lines and 5.00 µs for its lines; Powertools + Middy 18.0 µs without its lines and 22.0 µs for its lines.',
    );
  });

  it('warns when other work kept the machine busy during the run', () => {
    const results = fixtureResults();
    expect(renderMarkdown(results, evaluateTargets(results))).not.toContain('Other work kept this machine busy');
    results.meta.loadAverage = { start: 0.6, end: 2.5 };
    expect(renderMarkdown(results, evaluateTargets(results))).not.toContain('Other work kept this machine busy');
    results.meta.loadAverage = { start: 3.5, end: 1 };
    expect(renderMarkdown(results, evaluateTargets(results))).toContain(
      'Other work kept this machine busy during the run (1-minute load average 3.5 at start, 1.0 at end, on 2 cores)',
    );
  });

  it('writes the machine, versions, date, chart and every table to markdown', () => {
    const results = fixtureResults();
    const markdown = renderMarkdown(results, evaluateTargets(results));
    expect(markdown.startsWith('# Benchmarks\n\npost-confirmation')).toBe(true);
    for (const text of [
      'AMD EPYC, 2 cores',
      '| Node (bundles, as on nodejs24.x) | 24.21.0 |',
      '2026-11-27T21:00:00Z',
      '![Benchmarks chart](benchmarks.svg)',
      '### Targets',
      '### Bundle size',
      '### Cold start',
      '### Warm invocation',
      '### One log line',
      '### Build times',
      '✅ met',
    ]) {
      expect(markdown).toContain(text);
    }
  });

  it('shows the cold start in CPU time too, against the plain reference, and n/a where a run has no CPU figure', () => {
    const results = fixtureResults();
    const table = coldStartTable(results.cold);
    const column = (header: string) => table.headers.indexOf(header);
    const row = (id: string) => table.rows[results.cold.findIndex((entry) => entry.id === id)] ?? [];
    expect(row('post-confirmation')[column('process start → first invocation, CPU')]).toBe('n/a');
    for (const entry of results.cold) {
      if (entry.id === 'post-confirmation') entry.startToFirstCpuMs = summarize([45, 50, 55]);
      if (entry.id === 'plain') entry.startToFirstCpuMs = summarize([95, 100, 105]);
    }
    const withCpu = coldStartTable(results.cold);
    const cells = withCpu.rows[results.cold.findIndex((entry) => entry.id === 'post-confirmation')] ?? [];
    expect(cells[column('process start → first invocation, CPU')]).toBe('50.0 ms (IQR 5.00 ms)');
    expect(cells[column('CPU vs plain SDK')]).toBe('0.50×');
    expect(cells[column('vs plain SDK')]).toBe('0.75×');
  });
});
