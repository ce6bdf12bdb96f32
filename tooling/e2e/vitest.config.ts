import { triggerTestConfig } from '@cognito-triggers/vitest-config';
import { mergeConfig } from 'vitest/config';

// One file at a time: each suite starts its own stack, and the load test's timings should not
// compete with another suite for the two cores CI has.
export default mergeConfig(triggerTestConfig({ testTimeout: 60_000 }), { test: { fileParallelism: false } });
