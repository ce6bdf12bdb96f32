import { triggerTestConfig } from '@cognito-triggers/vitest-config';

export default triggerTestConfig();
