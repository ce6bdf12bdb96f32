// `pnpm infra:check`: what CI runs to check the infrastructure (after `pnpm package`).
import { findWorkspaceRoot } from '@cognito-triggers/release';
import { runSynthCheck } from './synth-check';

try {
  const stages = await runSynthCheck(findWorkspaceRoot(process.cwd()));
  for (const [stage, stacks] of Object.entries(stages)) {
    console.log(
      `infra check: stage ${stage}: ${stacks.length} stacks synthesized, cdk-nag AwsSolutions clean: ${stacks.join(', ')}`,
    );
  }
} catch (error) {
  console.error(`infra check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
