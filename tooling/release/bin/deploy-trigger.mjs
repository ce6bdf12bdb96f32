#!/usr/bin/env node
// Loads the TypeScript CLI through tsx, so the release tooling needs no build step of its own.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), environment: process.env });
