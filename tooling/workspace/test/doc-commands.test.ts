import { describe, expect, it } from 'vitest';
import { docCommands } from '../src/index';

const doc = (...lines: string[]) => lines.join('\n');

describe('docCommands', () => {
  it('splits the commands of sh blocks into words, with their lines, and skips everything else', () => {
    const markdown = doc(
      'Run `pnpm not-this` first.',
      '```json',
      '{ "pnpm": "no" }',
      '```',
      '',
      '   ```sh',
      '   pnpm package --filter=pre-sign-up      # build one app',
      '',
      "   pnpm deploy:trigger attach pre-sign-up --stage staging && echo 'done; really' | tee out",
      '   ```',
      '```bash',
      'git add .changeset; git commit',
      '```',
    );
    expect(docCommands(markdown)).toEqual([
      { line: 7, assignments: {}, words: ['pnpm', 'package', '--filter=pre-sign-up'] },
      { line: 9, assignments: {}, words: ['pnpm', 'deploy:trigger', 'attach', 'pre-sign-up', '--stage', 'staging'] },
      { line: 9, assignments: {}, words: ['echo', 'done; really'] },
      { line: 9, assignments: {}, words: ['tee', 'out'] },
      { line: 12, assignments: {}, words: ['git', 'add', '.changeset'] },
      { line: 12, assignments: {}, words: ['git', 'commit'] },
    ]);
  });

  it('reads assignments before a command and after export, across continued lines, quotes removed', () => {
    const markdown = doc(
      '```sh',
      "export EMAIL_FROM='Acme <hello@acme.example>' APP_NAME=Acme \\",
      '  SES_IDENTITY_ARN="arn:aws:ses:eu-west-1:1:identity/a \\"b\\"" \\',
      '  LEGACY_TABLE_NAME=acme-legacy-users',
      'BLOCKED_EMAIL_DOMAINS=blocked.example pnpm deploy:trigger pre-sign-up',
      "'NOT_AN=assignment' x",
      '```',
    );
    expect(docCommands(markdown)).toEqual([
      {
        line: 2,
        assignments: {
          EMAIL_FROM: 'Acme <hello@acme.example>',
          APP_NAME: 'Acme',
          SES_IDENTITY_ARN: 'arn:aws:ses:eu-west-1:1:identity/a "b"',
          LEGACY_TABLE_NAME: 'acme-legacy-users',
        },
        words: ['export'],
      },
      {
        line: 5,
        assignments: { BLOCKED_EMAIL_DOMAINS: 'blocked.example' },
        words: ['pnpm', 'deploy:trigger', 'pre-sign-up'],
      },
      { line: 6, assignments: {}, words: ['NOT_AN=assignment', 'x'] },
    ]);
  });
});
