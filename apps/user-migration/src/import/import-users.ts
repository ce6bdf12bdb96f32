import {
  ConditionalCheckFailedException,
  PutItemCommand,
  QueryCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { emailKey, type LegacyAccount } from '../legacy-user';
import { accountItem, LEGACY_TABLE } from '../stores/dynamodb-item';
import { duplicateTracker, parseExportLine, type RejectedRow } from './parse-export';

/**
 * What an import did: how many rows it wrote, and every row it refused with its line number.
 *
 * @example
 * const report: ImportReport = { lines: 3, imported: 2, rejected: [{ line: 2, problem: 'the line is not valid JSON' }] };
 */
export interface ImportReport {
  readonly lines: number;
  readonly imported: number;
  readonly rejected: readonly RejectedRow[];
}

/**
 * Options of {@link importLegacyUsers}.
 *
 * @example
 * const options: ImportOptions = { client, tableName: 'legacy-users', lines: readLines('export.jsonl') };
 */
export interface ImportOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly emailIndexName?: string;
  /** The export, one JSON object per line. */
  readonly lines: AsyncIterable<string> | Iterable<string>;
  /** Replace accounts already in the table (default: refuse them, so a re-run changes nothing). */
  readonly overwrite?: boolean;
  /** Rows written at once (default 8). */
  readonly concurrency?: number;
}

/**
 * Loads a JSON-lines export into the legacy users table. Every row is checked as the trigger
 * would read it (fields, a password hash it can verify); a row that fails, repeats an earlier
 * row's username or e-mail, or whose e-mail another account in the table already has, is refused
 * and reported with its line number. Accounts already in the table are refused too unless
 * `overwrite` is set. Nothing is written for a refused row; every other row is written.
 *
 * @example
 * const report = await importLegacyUsers({ client, tableName: 'legacy-users', lines: ['{"username":"jdoe","passwordHash":"$2b$12$…"}'] });
 * for (const { line, problem } of report.rejected) console.error(`line ${line}: ${problem}`);
 */
export async function importLegacyUsers(options: ImportOptions): Promise<ImportReport> {
  const { client, tableName } = options;
  const emailIndexName = options.emailIndexName ?? LEGACY_TABLE.defaultEmailIndex;
  const rejected: RejectedRow[] = [];
  const seen = duplicateTracker();
  let lines = 0;
  let imported = 0;
  // The first write that failed for another reason than a refusal (the table is missing, the
  // credentials are wrong): the import stops there and throws it.
  let failure: { error: unknown } | undefined;
  const running = new Set<Promise<void>>();

  const emailTaken = async (account: LegacyAccount): Promise<boolean> => {
    if (account.email === undefined) return false;
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: emailIndexName,
        KeyConditionExpression: '#email = :email',
        ExpressionAttributeNames: { '#email': LEGACY_TABLE.emailIndexKey },
        ExpressionAttributeValues: { ':email': { S: emailKey(account.email) } },
        Limit: 1,
      }),
    );
    const item = accountItem(account);
    return Items.some((found) => found[LEGACY_TABLE.partitionKey]?.S !== item[LEGACY_TABLE.partitionKey]?.S);
  };

  const write = async (account: LegacyAccount, line: number): Promise<void> => {
    if (await emailTaken(account)) {
      rejected.push({ line, problem: 'email is already used by another account in the table' });
      return;
    }
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: accountItem(account),
          ...(options.overwrite ? {} : { ConditionExpression: `attribute_not_exists(${LEGACY_TABLE.partitionKey})` }),
        }),
      );
      imported += 1;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      rejected.push({ line, problem: 'username is already in the table (run with --overwrite to replace it)' });
    }
  };

  for await (const text of options.lines) {
    if (failure) break;
    lines += 1;
    const line = lines;
    const parsed = parseExportLine(text);
    if (parsed === undefined) continue;
    if (!parsed.ok) {
      rejected.push({ line, problem: parsed.problem });
      continue;
    }
    const duplicate = seen.check(parsed.account, line);
    if (duplicate) {
      rejected.push({ line, problem: duplicate });
      continue;
    }
    const task: Promise<void> = write(parsed.account, line)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => running.delete(task));
    running.add(task);
    if (running.size >= (options.concurrency ?? 8)) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
  return { lines, imported, rejected: rejected.sort((a, b) => a.line - b.line) };
}
