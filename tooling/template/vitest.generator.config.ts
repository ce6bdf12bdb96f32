import { triggerTestConfig } from '@cognito-triggers/vitest-config';

// `pnpm test:generator`: generates one app per family into a copy of the workspace, installs it and
// checks every app (test/every-family.test.ts). Its one test sets its own 15-minute timeout.
export default triggerTestConfig({ include: ['test/every-family.test.ts'] });
