// Scrubbing cost on hostile and ordinary text: `pnpm bench` runs it with the repo's benchmarks
// (`pnpm --filter @cognito-triggers/trigger-core bench` alone). The goal, a megabyte scrubbed far
// inside Cognito's 5-second budget, is reported here and never asserted by a test.
import { bench, describe } from 'vitest';
import { createLogger } from '../src/index';
import { scrubAddresses } from '../src/scrub';

const MEGABYTE = 1 << 20;
const megabyteOf = (unit: string): string => unit.repeat(Math.ceil(MEGABYTE / unit.length));

const HOSTILE = {
  'no spaces, one at-sign at the end': `${megabyteOf('a')}@`,
  'addresses joined by commas': megabyteOf('jane.doe@example.com,'),
  'at-signs only': megabyteOf('@'),
  'quotes before at-signs': megabyteOf('"a"@'),
  'percent-encoded at-signs': megabyteOf('%40'),
};

describe('scrubbing one megabyte, uncut', () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    bench(name, () => {
      scrubAddresses(text);
    });
  }
});

describe('one log line', () => {
  const logger = createLogger({ service: 'bench', write: () => undefined });
  const sesError = Object.assign(new Error(megabyteOf('jane.doe@example.com;')), { name: 'MessageRejected' });
  bench('an SES error of a megabyte (cut to 8 KiB)', () => {
    logger.error('invocation finished', { error: sesError });
  });
  bench('an SES error of one address', () => {
    logger.error('invocation finished', {
      error: Object.assign(new Error('Email address is not verified: jane.doe@example.com'), {
        name: 'MessageRejected',
      }),
    });
  });
});
