/**
 * A confirmation code cognito-local "delivered": instead of sending a message, it prints a box
 * with the user, the destination and the code (and the subject a CustomMessage trigger gave).
 *
 * @example
 * { username: 'c63651ae-…', destination: 'jane@example.com', code: '035207', emailSubject: undefined }
 */
export interface CodeDelivery {
  readonly username: string;
  readonly destination: string;
  readonly code: string;
  readonly emailSubject: string | undefined;
}

// eslint-disable-next-line no-control-regex -- ANSI colour sequences are control characters by definition.
const ANSI = /\u001b\[[0-9;]*m/g;
const BOX = /Confirmation Code Delivery([\s\S]*?)╰/g;
const FIELD = /^[│|]?\s*(Username|Destination|Code|Email Subject):\s+(.*?)\s*[│|]?\s*$/;

/**
 * Reads cognito-local's console output as it arrives and collects the code deliveries in it.
 * Fed in chunks, it keeps an incomplete box until the rest arrives.
 *
 * @example
 * const reader = new CodeDeliveryReader();
 * child.stdout.on('data', (chunk) => reader.push(chunk));
 * reader.deliveries().at(-1)?.code;
 */
export class CodeDeliveryReader {
  private pending = '';
  private readonly found: CodeDelivery[] = [];

  /** Adds a chunk of output; returns the deliveries it completed. */
  push(chunk: string): CodeDelivery[] {
    this.pending += chunk.replace(ANSI, '');
    const completed: CodeDelivery[] = [];
    let consumed = 0;
    for (const match of this.pending.matchAll(BOX)) {
      consumed = (match.index ?? 0) + match[0].length;
      const delivery = parseBox(match[1] ?? '');
      if (delivery) completed.push(delivery);
    }
    // Keep only what may still become a box: from its heading on, or a short tail that may hold a split heading.
    const rest = this.pending.slice(consumed);
    const heading = rest.lastIndexOf('Confirmation Code Delivery');
    this.pending = heading >= 0 ? rest.slice(heading) : rest.slice(-64);
    this.found.push(...completed);
    return completed;
  }

  /** Every delivery read so far, oldest first. */
  deliveries(): CodeDelivery[] {
    return [...this.found];
  }
}

function parseBox(body: string): CodeDelivery | undefined {
  const fields = new Map<string, string>();
  // Some boxes arrive with their rows run together ("…│││   Code: …"): split at the row borders too.
  for (const line of body.replace(/││/g, '│\n│').split('\n')) {
    const match = FIELD.exec(line.trim());
    // The first occurrence wins: a custom e-mail body printed below may contain a line such as "Code: …".
    if (match?.[1] && match[2] !== undefined && !fields.has(match[1])) fields.set(match[1], match[2]);
  }
  const username = fields.get('Username');
  const destination = fields.get('Destination');
  const code = fields.get('Code');
  if (!username || !destination || !code) return undefined;
  return { username, destination, code, emailSubject: fields.get('Email Subject') };
}
