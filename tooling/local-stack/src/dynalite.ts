import { createRequire } from 'node:module';
import { freePort } from './ports';
import { startService } from './processes';

const require = createRequire(import.meta.url);

/**
 * A running dynalite (DynamoDB's API on LevelDB, in memory) on 127.0.0.1.
 *
 * @example
 * const dynalite = await startDynalite();
 * process.env.AWS_ENDPOINT_URL_DYNAMODB = dynalite.endpoint;
 * await dynalite.stop();
 */
export interface Dynalite {
  /** Where the DynamoDB API listens; give it to a function as `AWS_ENDPOINT_URL_DYNAMODB`. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts dynalite on a free port of 127.0.0.1 (or `port`), in memory, with tables active at once,
 * and waits until it answers. It is killed when this process exits.
 *
 * @example
 * const { endpoint, stop } = await startDynalite({ port: 8000 });
 */
export async function startDynalite(options: { port?: number } = {}): Promise<Dynalite> {
  const port = options.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const cli = require.resolve('dynalite/cli.js');
  const service = await startService(
    'DynamoDB emulator (dynalite)',
    process.execPath,
    [cli, '--host', '127.0.0.1', '--port', String(port), '--createTableMs', '0', '--deleteTableMs', '0'],
    async () => {
      // dynalite answers a plain GET with "healthy: …".
      const response = await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
      return response.ok && (await response.text()).startsWith('healthy');
    },
  );
  return { endpoint, stop: () => service.stop() };
}
