#!/usr/bin/env node
// Loads the TypeScript benchmark through tsx, so it needs no build step of its own.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/bench.ts');
process.exitCode = await main(process.argv.slice(2));
