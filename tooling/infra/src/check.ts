// `pnpm infra:check`: what CI runs to check the infrastructure (after `pnpm package`).
import { findWorkspaceRoot } from '@cognito-triggers/release';
import { runSynthCheck } from './synth-check';

try {
  const stacks = await runSynthCheck(findWorkspaceRoot(process.cwd()));
  console.log(`infra check: ${stacks.length} stacks synthesized, cdk-nag AwsSolutions clean: ${stacks.join(', ')}`);
} catch (error) {
  console.error(`infra check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
