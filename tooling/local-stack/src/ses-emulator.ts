import { createRequire } from 'node:module';
import { freePort } from './ports';
import { httpReady, startService } from './processes';

const require = createRequire(import.meta.url);

/**
 * An e-mail as the SES emulator stored it.
 *
 * @example
 * const welcomes = (await stack.ses.emails()).filter((email) => email.subject.startsWith('Welcome'));
 */
export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo?: string[];
  destination: { to: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/**
 * A running SES emulator (aws-ses-v2-local) on 127.0.0.1.
 *
 * @example
 * const ses = await startSesEmulator();
 * process.env.AWS_ENDPOINT_URL_SES = ses.endpoint;
 * console.log(await ses.emails());
 * await ses.stop();
 */
export interface SesEmulator {
  /** Where the SES API listens; give it to a function as `AWS_ENDPOINT_URL_SES`. */
  readonly endpoint: string;
  /** Every e-mail sent so far. */
  emails(): Promise<StoredEmail[]>;
  /** Forgets every stored e-mail. */
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts aws-ses-v2-local on a free port of 127.0.0.1 and waits until it answers.
 *
 * @example
 * const ses = await startSesEmulator();
 */
export async function startSesEmulator(options: { port?: number } = {}): Promise<SesEmulator> {
  const port = options.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const cli = require.resolve('aws-ses-v2-local/dist/cli.js');
  const service = await startService(
    'SES emulator (aws-ses-v2-local)',
    process.execPath,
    [cli, '--host', '127.0.0.1', '--port', String(port)],
    () => httpReady(`${endpoint}/health-check`),
  );
  return {
    endpoint,
    async emails() {
      const response = await fetch(`${endpoint}/store`);
      if (!response.ok) throw new Error(`SES emulator store answered ${response.status}`);
      const store = (await response.json()) as { emails: StoredEmail[] };
      return store.emails;
    },
    async clear() {
      const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
      await response.body?.cancel();
    },
    stop: () => service.stop(),
  };
}
