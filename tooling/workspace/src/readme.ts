/**
 * A generated configuration table in a README, between its markers:
 * `<!-- settings:begin <app> … -->` and `<!-- settings:end -->`.
 *
 * @example
 * const [block] = settingsBlocks(readme); // { app: 'post-confirmation', table: '| variable | …' }
 */
export interface SettingsBlock {
  /** The app folder whose `src/settings.ts` the table is generated from. */
  readonly app: string;
  /** The table between the markers, without the markers. */
  readonly table: string;
}

// Our own READMEs, not event data; `[^>]*` and the lazy body cannot overlap, so the match is linear.
const BLOCK = /<!-- settings:begin ([a-z0-9][a-z0-9-]*)[^>]*-->\n([\s\S]*?)\n?<!-- settings:end -->/g;

/**
 * The start marker of an app's generated table, saying where it comes from.
 *
 * @example
 * beginMarker('pre-sign-up'); // '<!-- settings:begin pre-sign-up (generated from apps/pre-sign-up/src/settings.ts by pnpm settings:write: edit that file) -->'
 */
export function beginMarker(app: string): string {
  return `<!-- settings:begin ${app} (generated from apps/${app}/src/settings.ts by pnpm settings:write: edit that file) -->`;
}

/** The end marker of a generated table. */
export const END_MARKER = '<!-- settings:end -->';

/**
 * Every generated configuration table in a README.
 *
 * @example
 * settingsBlocks(readFileSync('README.md', 'utf8')).map((block) => block.app); // ['post-confirmation']
 */
export function settingsBlocks(readme: string): SettingsBlock[] {
  return [...readme.matchAll(BLOCK)].map((match) => ({ app: match[1] ?? '', table: match[2] ?? '' }));
}

/**
 * The README with every table generated from `app`'s settings replaced by `table`.
 *
 * @example
 * writeFileSync(path, replaceSettingsBlocks(readme, 'pre-sign-up', settingsTable(SETTINGS)));
 */
export function replaceSettingsBlocks(readme: string, app: string, table: string): string {
  return readme.replace(BLOCK, (whole, name: string) =>
    name === app ? `${beginMarker(app)}\n${table}\n${END_MARKER}` : whole,
  );
}
