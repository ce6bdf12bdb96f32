// Real Cognito events written by others (AWS's Go, Java, .NET and Rust event libraries, Powertools'
// parser fixtures, cognito-local, the developer guide), run through each family's event check.
// They live in ../shared/cognito-events beside the repository (CI has it there) and are never
// copied in; COGNITO_EVENTS_DIR points elsewhere. Without them the suite is skipped, and says so.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  GENERIC_USER_MESSAGE,
  TRIGGER_FAMILIES,
  TriggerError,
  TriggerFailedError,
  defineTrigger,
  type CognitoTriggerEvent,
  type TriggerFamily,
  type TriggerFamilyName,
} from '../src/index';
import { captureLogs, fakeContext } from '../src/testing/index';

interface ManifestEntry {
  file: string;
  family: TriggerFamilyName | null;
  /** `valid`: a real event; `invalid`: a placeholder where Cognito sends a fixed kind of value; `odd`: a real event an app answers unusually; `skip`: not an event. */
  expect: 'valid' | 'invalid' | 'odd' | 'skip';
  note?: string;
}

function workspaceRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'pnpm-workspace.yaml'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('no pnpm-workspace.yaml above the test');
    directory = parent;
  }
  return directory;
}

/** The main checkout of a git worktree (whose `.git` is a file naming its git directory), else `root`. */
function mainCheckout(root: string): string {
  const dotGit = join(root, '.git');
  if (!existsSync(dotGit) || !statSync(dotGit).isFile()) return root;
  const gitDir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
  if (!gitDir) return root;
  const commonDirFile = join(resolve(root, gitDir), 'commondir');
  if (!existsSync(commonDirFile)) return root;
  return dirname(resolve(root, gitDir, readFileSync(commonDirFile, 'utf8').trim()));
}

function eventsDirectory(): string | undefined {
  const root = workspaceRoot();
  const candidates = [
    process.env.COGNITO_EVENTS_DIR,
    join(root, '..', 'shared', 'cognito-events'),
    join(mainCheckout(root), '..', 'shared', 'cognito-events'),
  ];
  return candidates.find((candidate) => candidate && existsSync(join(candidate, 'manifest.json')));
}

const directory = eventsDirectory();
const manifest: ManifestEntry[] = directory
  ? (JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as ManifestEntry[])
  : [];

function load(entry: ManifestEntry): { event: Record<string, unknown>; family: TriggerFamily<CognitoTriggerEvent> } {
  if (!directory || !entry.family) throw new Error(`${entry.file} has no family`);
  // Some originals start with a byte-order mark, kept as their repository has it.
  const text = readFileSync(join(directory, entry.file), 'utf8').replace(/^\uFEFF/, '');
  return { event: JSON.parse(text) as Record<string, unknown>, family: TRIGGER_FAMILIES[entry.family] };
}

const byExpectation = (expectation: ManifestEntry['expect']) =>
  manifest.filter((entry) => entry.expect === expectation).map((entry) => [entry.file, entry] as const);

describe.skipIf(!directory)('real Cognito events from ../shared/cognito-events', () => {
  it('cover every family', () => {
    const families = new Set(manifest.map((entry) => entry.family).filter((family) => family !== null));
    expect([...families].sort()).toEqual(Object.keys(TRIGGER_FAMILIES).sort());
  });

  it.each(byExpectation('valid'))('accepts %s and returns it as received', async (_file, entry) => {
    const { event, family } = load(entry);
    const received = structuredClone(event);
    expect(() => family.parseEvent(event)).not.toThrow();
    const logs = captureLogs();
    const handler = defineTrigger(family, { service: 'conformance', writeLog: logs.write }, (parsed) => parsed);
    const result: unknown = await handler(event as unknown as CognitoTriggerEvent, fakeContext()).catch(
      (error: unknown) => error,
    );
    // Some fixtures carry a sample answer in their response (a message without the code, say): the
    // response check may refuse it, but the event itself must never be refused.
    const [summary] = logs.withMessage('invocation finished');
    expect([undefined, 'RESPONSE_INVALID']).toContain(summary?.errorCode);
    if (!(result instanceof Error)) {
      // Only the response is the handler's; the rest goes back exactly as Cognito sent it.
      expect({ ...(result as Record<string, unknown>), response: null }).toEqual({ ...received, response: null });
    }
    expect(event).toEqual(received);
  });

  it.each(byExpectation('odd'))('accepts %s, whose outcome is up to the app', (_file, entry) => {
    const { event, family } = load(entry);
    expect(() => family.parseEvent(event)).not.toThrow();
  });

  it.each(byExpectation('invalid'))(
    'refuses %s with EVENT_INVALID and applies the failure policy',
    async (_file, entry) => {
      const { event, family } = load(entry);
      let error: unknown;
      try {
        family.parseEvent(event);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TriggerError);
      expect((error as TriggerError).code).toBe('EVENT_INVALID');

      const logs = captureLogs();
      const handler = defineTrigger(family, { service: 'conformance', writeLog: logs.write }, (parsed) => parsed);
      const answer = handler(event as unknown as CognitoTriggerEvent, fakeContext());
      if (family.failurePolicy === 'return-event') await expect(answer).resolves.toBe(event);
      else await expect(answer).rejects.toBeInstanceOf(TriggerFailedError);
      if (family.failurePolicy === 'reject') await expect(answer).rejects.toThrow(GENERIC_USER_MESSAGE);
      expect(logs.withMessage('invocation finished')).toMatchObject([
        { outcome: 'failed', errorCode: 'EVENT_INVALID' },
      ]);
    },
  );
});

describe.skipIf(directory)('real Cognito events', () => {
  it.skip('are not here: ../shared/cognito-events was not found beside the repository (set COGNITO_EVENTS_DIR to run them)', () => {
    // Reported as skipped, so a run without the folder says what it did not check.
  });
});
