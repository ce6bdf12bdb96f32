#!/usr/bin/env node
// Loads the TypeScript CLI through tsx, so the checker needs no build step of its own.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/check-size.ts');
process.exitCode = await main(process.argv.slice(2));
