import { describe, expect, it } from 'vitest';
import { createLogger, scrubPersonalData } from '../src/index';
import { isLevelEnabled, parseLogLevel } from '../src/logger';
import { describeUserAttributes } from '../src/redact';
import { captureLogs, findPersonalData, PERSONAL_VALUES, sampleUserAttributes } from '../src/testing/index';

describe('createLogger', () => {
  it('writes exactly one JSON object per line with level, message, time, service and context', () => {
    const logs = captureLogs();
    const logger = createLogger({ service: 'welcome', write: logs.write, context: { awsRequestId: 'req-1' } });
    logger.info('sent', { messageId: 'm-1' });
    const [line] = logs.lines();
    expect(line).toMatchObject({
      level: 'INFO',
      message: 'sent',
      service: 'welcome',
      awsRequestId: 'req-1',
      messageId: 'm-1',
    });
    expect(Date.parse(String(line?.timestamp))).not.toBeNaN();
  });

  it('drops lines below the configured level', () => {
    const logs = captureLogs();
    const logger = createLogger({ service: 's', level: 'WARN', write: logs.write });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(logs.lines().map((line) => line.level)).toEqual(['WARN', 'ERROR']);
  });

  it('scrubs e-mail addresses and phone numbers from messages, fields and error messages', () => {
    const logs = captureLogs();
    const logger = createLogger({ service: 's', write: logs.write });
    const sesError = Object.assign(
      new Error('Email address is not verified. The following identities failed the check: jane.doe@example.com'),
      {
        name: 'MessageRejected',
        Code: 'MessageRejected',
        $metadata: { httpStatusCode: 400 },
      },
    );
    logger.error('could not reach jane.doe@example.com or +12065550142', {
      note: 'call +44 20 7946 0958',
      error: sesError,
    });
    const output = logs.raw.join('');
    expect(findPersonalData(output)).toEqual([]);
    expect(logs.lines()[0]).toMatchObject({
      message: 'could not reach [email] or [phone]',
      error: { errorName: 'MessageRejected', errorCode: 'MessageRejected', httpStatusCode: 400 },
    });
  });

  it('redacts fields named like personal data or secrets, whatever their value', () => {
    const logs = captureLogs();
    const logger = createLogger({ service: 's', write: logs.write });
    logger.info('x', {
      given_name: 'Jane',
      password: 'hunter2',
      idToken: 'eyJ...',
      code: '123456',
      userAttributes: { a: 'b' },
    });
    expect(logs.lines()[0]).toMatchObject({
      given_name: '[redacted]',
      password: '[redacted]',
      idToken: '[redacted]',
      code: '[redacted]',
      userAttributes: '[redacted]',
    });
    expect(findPersonalData(logs.raw.join(''), ['Jane', 'hunter2', '123456'])).toEqual([]);
  });

  it("serialises a child logger's fields only when it first writes a line", () => {
    const logs = captureLogs();
    let reads = 0;
    const fields = {
      get awsRequestId() {
        reads += 1;
        return 'req-1';
      },
    };
    const child = createLogger({ service: 's', level: 'ERROR', write: logs.write }).child(fields);
    child.info('dropped at ERROR');
    expect(reads).toBe(0);
    child.error('written');
    child.error('written again');
    expect(reads).toBe(1);
    expect(logs.lines().map((line) => line.awsRequestId)).toEqual(['req-1', 'req-1']);
  });

  it('carries the parent context into child loggers', () => {
    const logs = captureLogs();
    const child = createLogger({ service: 's', write: logs.write, context: { a: 1 } }).child({ b: 2 });
    child.info('x');
    expect(logs.lines()[0]).toMatchObject({ service: 's', a: 1, b: 2 });
  });
});

describe('describeUserAttributes', () => {
  it('names every attribute but shows only the values of non-personal ones', () => {
    const summary = describeUserAttributes(sampleUserAttributes());
    expect(summary.attributeNames).toContain('email');
    expect(summary.email_verified).toBe('true');
    expect(findPersonalData(JSON.stringify(summary), PERSONAL_VALUES)).toEqual([]);
  });
});

describe('isLevelEnabled', () => {
  it('says whether a logger at a threshold writes a level', () => {
    expect(isLevelEnabled('WARN', 'ERROR')).toBe(true);
    expect(isLevelEnabled('WARN', 'WARN')).toBe(true);
    expect(isLevelEnabled('WARN', 'INFO')).toBe(false);
  });
});

describe('parseLogLevel', () => {
  it("accepts Lambda's level names in any case", () => {
    expect(parseLogLevel('debug')).toBe('DEBUG');
    expect(parseLogLevel('TRACE')).toBe('DEBUG');
    expect(parseLogLevel('Fatal')).toBe('ERROR');
    expect(parseLogLevel('loud')).toBeUndefined();
  });
});

describe('scrubPersonalData', () => {
  it('leaves dates, durations and ids alone', () => {
    const text = 'at 2026-11-27T20:41:17Z took 1234567 ms for 7d8ef9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01';
    expect(scrubPersonalData(text)).toBe(text);
  });
});
