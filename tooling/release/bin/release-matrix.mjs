#!/usr/bin/env node
// Prints the release workflow's deploy matrix (JSON) from PUBLISHED_PACKAGES, changesets/action's output.
import { register } from 'tsx/esm/api';

register();
const { deployMatrix } = await import('../src/release-matrix.ts');
console.log(JSON.stringify(deployMatrix(process.env.PUBLISHED_PACKAGES ?? '[]')));
