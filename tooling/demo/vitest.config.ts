import { triggerTestConfig } from '@cognito-triggers/vitest-config';

export default triggerTestConfig({ testTimeout: 150_000 });
