import { createInterface } from 'node:readline/promises';
import { main } from './cli';
import { findWorkspaceRoot } from '@cognito-triggers/workspace';

// The repo this generator lives in, wherever pnpm was started from.
const root = findWorkspaceRoot(import.meta.dirname);
const terminal = process.stdin.isTTY === true;
const prompts = terminal ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

try {
  process.exitCode = await main(process.argv.slice(2), {
    root,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    ...(prompts ? { ask: (question: string) => prompts.question(question) } : {}),
  });
} finally {
  prompts?.close();
}
