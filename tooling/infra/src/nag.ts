import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations, type App } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * One cdk-nag finding: the rule, its severity, what it says and the constructs it names.
 *
 * @example
 * const finding: NagFinding = { rule: 'AwsSolutions-COG1', severity: 'error', description: '...', paths: ['cognito-user-pool/UserPool/Resource'] };
 */
export interface NagFinding {
  rule: string;
  severity: string;
  description: string;
  paths: string[];
}

/**
 * Synthesis refused by cdk-nag: every unacknowledged AwsSolutions finding, errors and warnings.
 *
 * @example
 * if (error instanceof NagFailure) for (const finding of error.findings) console.error(finding.rule, finding.paths);
 */
export class NagFailure extends Error {
  override readonly name = 'NagFailure';
  readonly findings: readonly NagFinding[];

  constructor(findings: readonly NagFinding[], options?: { cause?: unknown }) {
    const lines = findings.map(
      (finding) => `${finding.severity} ${finding.rule} on ${finding.paths.join(', ')}: ${finding.description}`,
    );
    super(`cdk-nag AwsSolutions found ${findings.length} problem(s):\n${lines.join('\n')}`, options);
    this.findings = findings;
  }
}

/**
 * Runs cdk-nag's AwsSolutions rule pack over the app at synthesis (CDK's policy validation).
 *
 * @example
 * addNagChecks(app);
 * const assembly = synthesizeChecked(app);
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

/**
 * Acknowledges cdk-nag rules on one construct and its children, each with the reason it does not
 * apply: the reasons sit beside the resource they excuse, and cdk-nag's report shows them.
 *
 * @example
 * acknowledgeNag(userPool, { 'AwsSolutions-COG2': 'MFA is offered (TOTP); requiring it is the product owner's call' });
 */
export function acknowledgeNag(construct: IConstruct, reasons: Readonly<Record<string, string>>): void {
  for (const [id, reason] of Object.entries(reasons)) Validations.of(construct).acknowledge({ id, reason });
}

/** The findings of CDK's validation report in `outdir` (none when there is no report). */
function reportedFindings(outdir: string): NagFinding[] {
  const file = join(outdir, 'validation-report.json');
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    pluginReports?: {
      violations?: {
        ruleName: string;
        description: string;
        severity?: string;
        violatingConstructs?: { constructPath: string }[];
      }[];
    }[];
  };
  return (report.pluginReports ?? []).flatMap((plugin) =>
    (plugin.violations ?? []).map((violation) => ({
      rule: violation.ruleName,
      severity: violation.severity ?? 'error',
      description: violation.description,
      paths: (violation.violatingConstructs ?? []).map((construct) => construct.constructPath),
    })),
  );
}

/**
 * Synthesizes an app that {@link addNagChecks} was applied to, and fails with a {@link NagFailure}
 * on any unacknowledged finding, warnings included: each is fixed or acknowledged with a reason.
 *
 * @example
 * const assembly = synthesizeChecked(app);
 */
export function synthesizeChecked(app: App): CloudAssembly {
  let assembly: CloudAssembly;
  try {
    assembly = app.synth();
  } catch (error) {
    const findings = reportedFindings(app.outdir);
    if (findings.length > 0) throw new NagFailure(findings, { cause: error });
    throw error;
  }
  const findings = reportedFindings(app.outdir);
  if (findings.length > 0) throw new NagFailure(findings);
  return assembly;
}
