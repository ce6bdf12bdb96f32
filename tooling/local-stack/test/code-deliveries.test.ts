import { describe, expect, it } from 'vitest';
import { CodeDeliveryReader } from '../src/index';

// As cognito-local prints it (pino-pretty line prefix, boxen box), colours included.
const BOX = `[1795812974000] \u001b[32mINFO\u001b[39m: a1b2c3d4 SignUp ╭───────────────────────────────────────────────────────╮
│                                                       │
│   Confirmation Code Delivery                          │
│                                                       │
│   Username:      c63651ae-59c6-4ede-ae7d-a8400ff65e8d │
│   Destination:   jane@example.com                     │
│   Code:          035207                               │
│   Email Subject: Confirm your Acme account            │
│   Email Message: Your code is 035207.                 │
│   Code: 999999 is not a field                         │
│                                                       │
╰───────────────────────────────────────────────────────╯
`;

describe('CodeDeliveryReader', () => {
  it("reads the user, destination, code and subject from cognito-local's code box", () => {
    const reader = new CodeDeliveryReader();
    expect(reader.push(BOX)).toEqual([
      {
        username: 'c63651ae-59c6-4ede-ae7d-a8400ff65e8d',
        destination: 'jane@example.com',
        code: '035207',
        emailSubject: 'Confirm your Acme account',
      },
    ]);
  });

  it('keeps a box split across chunks until its end arrives', () => {
    const reader = new CodeDeliveryReader();
    const cut = BOX.indexOf('Code:');
    expect(reader.push(BOX.slice(0, 20))).toEqual([]);
    expect(reader.push(BOX.slice(20, cut))).toEqual([]);
    expect(reader.push(BOX.slice(cut) + BOX.replace('jane@', 'john@'))).toHaveLength(2);
    expect(reader.deliveries().map((delivery) => delivery.destination)).toEqual([
      'jane@example.com',
      'john@example.com',
    ]);
  });

  it('reads a box whose rows arrive run together, as cognito-local prints a wide reset-code box', () => {
    const reader = new CodeDeliveryReader();
    const [heading, ...rows] = BOX.split('\n');
    expect(reader.push(`${heading ?? ''}\n${rows.join('')}\n`)).toMatchObject([
      { destination: 'jane@example.com', code: '035207' },
    ]);
  });

  it('ignores the rest of the console', () => {
    const reader = new CodeDeliveryReader();
    expect(reader.push('[1] INFO: NONE NONE Cognito Local running on http://127.0.0.1:9229\n')).toEqual([]);
    expect(reader.deliveries()).toEqual([]);
  });
});
