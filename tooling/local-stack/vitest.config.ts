import { triggerTestConfig } from '@cognito-triggers/vitest-config';

// Starting cognito-local (aws-sdk v2, express) takes seconds on a busy two-core machine.
export default triggerTestConfig({ testTimeout: 60_000 });
