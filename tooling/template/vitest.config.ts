import { triggerTestConfig } from '@cognito-triggers/vitest-config';

// The every-family test generates, installs, typechecks, lints, tests and builds 13 apps: minutes, not seconds.
export default triggerTestConfig({ testTimeout: 20_000 });
