import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LEGACY_TABLE } from '../stores/dynamodb-item';
import { createLegacyUsersTable } from './create-table';
import { importLegacyUsers } from './import-users';

const USAGE = `usage: pnpm --filter user-migration import-legacy-users --table <name> [--file export.jsonl] [--email-index <name>] [--overwrite] [--create-table]

Loads a JSON-lines export (one {"username","email","emailVerified","passwordHash","attributes"} per
line; standard input without --file) into the legacy users table. Refused rows are listed by line
number with what is wrong, never with their values. Exit code: 0 when every row was imported, 2
when some were refused, 1 when the import could not run. The AWS SDK's own settings apply
(AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_DYNAMODB for an emulator). --create-table creates the
table first, as the CDK stack would (for a local emulator; in AWS the stack owns the table).`;

/**
 * \`import-legacy-users\`: the import as a command. Returns the exit code.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), process.stdin);
 */
export async function main(args: readonly string[], stdin: NodeJS.ReadableStream): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        table: { type: 'string' },
        file: { type: 'string' },
        'email-index': { type: 'string' },
        overwrite: { type: 'boolean' },
        'create-table': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`import-legacy-users: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.table) {
    console.error(`import-legacy-users: --table is required\n\n${USAGE}`);
    return 1;
  }
  const client = new DynamoDBClient({});
  try {
    const emailIndexName = values['email-index'] ?? LEGACY_TABLE.defaultEmailIndex;
    if (values['create-table']) await createLegacyUsersTable(client, values.table, emailIndexName);
    const input = values.file ? createReadStream(values.file, 'utf8') : stdin;
    const report = await importLegacyUsers({
      client,
      tableName: values.table,
      emailIndexName,
      lines: createInterface({ input, crlfDelay: Infinity }),
      overwrite: values.overwrite ?? false,
    });
    for (const { line, problem } of report.rejected) console.error(`line ${line}: ${problem}`);
    console.log(
      `import-legacy-users: ${report.imported} imported, ${report.rejected.length} rejected, of ${report.lines} lines, into ${values.table}`,
    );
    return report.rejected.length === 0 ? 0 : 2;
  } catch (error) {
    console.error(`import-legacy-users: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return 1;
  } finally {
    client.destroy();
  }
}
