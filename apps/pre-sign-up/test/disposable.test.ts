import { describe, expect, it } from 'vitest';
import { loadDisposableDomains } from '../src/disposable';

describe('the throw-away e-mail list', () => {
  it('knows the well-known throw-away providers and the subdomains they hand out', async () => {
    const isDisposable = await loadDisposableDomains();
    expect(isDisposable('mailinator.com')).toBe(true);
    expect(isDisposable('guerrillamail.com')).toBe(true);
    expect(isDisposable('x7k2.mailinator.com')).toBe(true);
  });

  it('does not count ordinary mail providers or lookalike domains as throw-away', async () => {
    const isDisposable = await loadDisposableDomains();
    for (const domain of [
      'gmail.com',
      'outlook.com',
      'proton.me',
      'notmailinator.example',
      'mailinator.com.acme.example',
    ]) {
      expect(isDisposable(domain), domain).toBe(false);
    }
  });
});
