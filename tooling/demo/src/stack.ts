// pnpm stack: starts the local stack and keeps it running until Ctrl-C, printing how to reach it
// and, as they happen, every trigger invocation and confirmation code.
import { startLocalStack } from '@cognito-triggers/local-stack';
import { describeInvocation } from './describe-invocation';
import { maskAddress } from './mask';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function portOption(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  const raw = index >= 0 ? process.argv[index + 1] : undefined;
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535)
    throw new Error(`--${name} must be a port number, got "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  const cognitoPort = portOption('cognito-port');
  const lambdaPort = portOption('lambda-port');
  const stack = await startLocalStack({
    ports: { ...(cognitoPort ? { cognito: cognitoPort } : {}), ...(lambdaPort ? { lambda: lambdaPort } : {}) },
  });
  const { env } = stack;
  console.log(`Local Cognito stack running (Ctrl-C stops it).

  Cognito (cognito-local)  ${env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER}   user pool ${env.COGNITO_USER_POOL_ID}, app client ${env.COGNITO_CLIENT_ID}
  Lambda Invoke API        ${env.AWS_ENDPOINT_URL_LAMBDA}   functions: ${stack.lambda.functionNames.join(', ') || 'none'}
  SES (aws-ses-v2-local)   ${env.AWS_ENDPOINT_URL_SES}   e-mails: ${env.AWS_ENDPOINT_URL_SES}/ (web UI), ${env.AWS_ENDPOINT_URL_SES}/store (JSON)
`);
  for (const { app, trigger } of stack.wired) console.log(`  wired   ${trigger.padEnd(18)} -> ${app}`);
  for (const note of stack.skipped) console.log(`  skipped ${note.trigger.padEnd(18)} -> ${note.app} ${note.reason}`);
  console.log(`
Point an app, a test or the AWS CLI at it (the SDKs and CLI read AWS_ENDPOINT_URL_<SERVICE>):

${Object.entries(env)
  .map(([name, value]) => `  export ${name}=${value}`)
  .join('\n')}

  aws cognito-idp sign-up --client-id "$COGNITO_CLIENT_ID" --username jane@example.com --password 'Correct-Horse-1'
  aws cognito-idp confirm-sign-up --client-id "$COGNITO_CLIENT_ID" --username jane@example.com --confirmation-code <code printed below>
  aws lambda invoke --function-name post-confirmation --payload '{}' --cli-binary-format raw-in-base64-out /dev/stdout

Triggers and codes, as they happen:`);

  let seenInvocations = 0;
  let seenCodes = 0;
  setInterval(() => {
    const records = stack.lambda.invocations();
    for (const record of records.slice(seenInvocations)) {
      console.log(
        `  ${new Date(record.at).toISOString().slice(11, 19)} ${record.functionName} (${record.app}) ${record.triggerSource ?? ''}: ${describeInvocation(record)}`,
      );
    }
    seenInvocations = records.length;
    const codes = stack.cognito.deliveries();
    for (const delivery of codes.slice(seenCodes))
      console.log(`  code ${delivery.code} for ${maskAddress(delivery.destination)} (user ${delivery.username})`);
    seenCodes = codes.length;
  }, 250);
  // Ctrl-C: local-stack's exit hooks kill every child process and remove the temporary files.
}

try {
  await main();
} catch (error) {
  console.error(`The local stack could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
