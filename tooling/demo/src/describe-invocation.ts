import type { InvocationRecord } from '@cognito-triggers/local-stack';

type LogLine = Record<string, unknown>;

function logLines(record: InvocationRecord): LogLine[] {
  const lines: LogLine[] = [];
  for (const line of record.logs) {
    try {
      const parsed = JSON.parse(line) as unknown;
      if (typeof parsed === 'object' && parsed !== null) lines.push(parsed as LogLine);
    } catch {
      // Not one of the JSON lines trigger-core writes (a runtime notice, say): nothing to read.
    }
  }
  return lines;
}

function responseOf(record: InvocationRecord): Record<string, unknown> {
  if (!record.result.ok) return {};
  const payload = record.result.payload as { response?: unknown } | null;
  return typeof payload?.response === 'object' && payload.response !== null
    ? (payload.response as Record<string, unknown>)
    : {};
}

/**
 * What a trigger decided in one invocation, in a few words for the demo's report: read from what it
 * returned to Cognito and from its own log lines (which carry no personal data).
 *
 * @example
 * describeInvocation(record); // 'sent the welcome e-mail (212 ms)'
 */
export function describeInvocation(record: InvocationRecord): string {
  if (!record.result.ok) return `refused: "${record.result.error.errorMessage}" (${record.result.error.errorType})`;
  const lines = logLines(record);
  const summary = lines.find((line) => line.message === 'invocation finished');
  if (summary?.outcome === 'failed') {
    const error = typeof summary.errorName === 'string' ? `: ${summary.errorName}` : '';
    return `failed${error}; its failure policy (${String(summary.failurePolicy)}) returned the event`;
  }
  const response = responseOf(record);
  const source = record.triggerSource ?? '';
  if (source.startsWith('PostConfirmation_')) {
    if (typeof summary?.messageId === 'string')
      return `sent the ${String(summary.emailKind)} e-mail (${record.durationMs} ms)`;
    if (typeof summary?.skipReason === 'string') return `sent nothing: ${summary.skipReason}`;
  }
  if (source.startsWith('PreSignUp_')) {
    const flags = ['autoConfirmUser', 'autoVerifyEmail'].filter((flag) => response[flag] === true);
    return `allowed the sign-up${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`;
  }
  if (source.startsWith('CustomMessage_')) {
    return typeof response.emailSubject === 'string' && response.emailSubject
      ? `wrote the e-mail "${response.emailSubject}"`
      : 'left the message to Cognito (its default text)';
  }
  if (source.startsWith('TokenGeneration_')) {
    const details = response.claimsOverrideDetails as { claimsToAddOrOverride?: Record<string, unknown> } | undefined;
    const claims = Object.keys(details?.claimsToAddOrOverride ?? {});
    return claims.length > 0 ? `added the claims ${claims.join(', ')} to the ID token` : 'changed no claims';
  }
  return `returned the event (${record.durationMs} ms)`;
}
