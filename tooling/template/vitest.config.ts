import { triggerTestConfig } from '@cognito-triggers/vitest-config';

// The every-family check is its own task (`test:generator`, vitest.generator.config.ts): it takes a
// minute or more of both cores, so `pnpm test` runs only the unit tests here.
export default triggerTestConfig({ exclude: ['test/every-family.test.ts'] });
