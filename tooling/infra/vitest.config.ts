import { triggerTestConfig } from '@cognito-triggers/vitest-config';

// Synthesis with cdk-nag takes seconds per app, many more on a busy two-core CI machine.
export default triggerTestConfig({ testTimeout: 180_000 });
