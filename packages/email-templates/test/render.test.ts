import { describe, expect, it } from 'vitest';
import { templateNames as namesIn } from '../src/template-names';
import {
  EMAIL_LAYOUT,
  LOCALE_TEMPLATES,
  LOCALES,
  NOTICE_SLOTS,
  NOTICE_TEMPLATES,
  TEMPLATE_SLOTS,
  languageOf,
  pickLocale,
  renderMessage,
  renderNotice,
  type MessageSource,
} from '../src/index';

const SOURCES = Object.keys(LOCALE_TEMPLATES.en.messages) as MessageSource[];

describe('renderMessage', () => {
  it('escapes every value in the HTML e-mail unless it is told to insert it verbatim', () => {
    const slots = { appName: 'Acme', givenName: '<b>Jane</b>', code: 'a<b>&"c' };
    const escaped = renderMessage('en', 'CustomMessage_AdminCreateUser', slots, 'code').emailMessage;
    expect(escaped).toContain('a&lt;b&gt;&amp;&quot;c');
    expect(escaped).toContain('&lt;b&gt;Jane&lt;/b&gt;');
    expect(escaped).not.toContain('<b>Jane</b>');
    const verbatim = renderMessage('en', 'CustomMessage_SignUp', { ...slots, code: '{####}' }, 'code', {
      insertRaw: ['{####}'],
    });
    expect(verbatim.emailMessage).toContain('{####}');
    expect(verbatim.emailMessage).toContain('&lt;b&gt;Jane&lt;/b&gt;');
  });

  it.each(LOCALES.flatMap((locale) => SOURCES.map((source) => [locale, source] as const)))(
    'in %s for %s puts a real code into the e-mail, with the warning not to share it',
    (locale, source) => {
      const { emailMessage } = renderMessage(locale, source, { appName: 'Acme', code: '402913' }, 'code');
      expect(emailMessage).toContain('402913');
      expect(emailMessage).toContain(locale === 'en' ? 'Never share this code' : 'Geben Sie diesen Code niemals');
    },
  );
});

describe('renderNotice', () => {
  const details = {
    appName: 'Acme',
    givenName: 'Jane',
    loginTime: '2026-11-27 10:00 UTC',
    location: 'Berlin, Germany',
    ipAddress: '192.0.2.7',
    device: 'Firefox on Linux',
    confirmLink: 'https://acme.example/yes?token=1&x=2',
    reportLink: 'https://acme.example/no',
  };

  it('says whether the sign-in was blocked, in each language', () => {
    expect(renderNotice('en', 'AccountTakeOverNotification', { ...details, blocked: true }).emailSubject).toBe(
      'We blocked a sign-in to your Acme account',
    );
    expect(renderNotice('en', 'AccountTakeOverNotification', { ...details, blocked: false }).emailSubject).toBe(
      'Unusual sign-in to your Acme account',
    );
    expect(renderNotice('de', 'AccountTakeOverNotification', { ...details, blocked: true }).emailSubject).toBe(
      'Wir haben eine Anmeldung bei Ihrem Acme-Konto blockiert',
    );
  });

  it('lists the sign-in details and links, escaped, and carries no code warning', () => {
    const { emailMessage } = renderNotice('en', 'AccountTakeOverNotification', { ...details, blocked: false });
    expect(emailMessage).toContain('Where: Berlin, Germany');
    expect(emailMessage).toContain('IP address: 192.0.2.7');
    expect(emailMessage).toContain('href="https://acme.example/yes?token=1&amp;x=2"');
    expect(emailMessage).toContain('href="https://acme.example/no"');
    expect(emailMessage).not.toContain('Never share this code');
    expect(emailMessage).toContain('<html lang="en">');
  });

  it('leaves out a link that is not https, so no javascript: URL reaches an href', () => {
    const { emailMessage } = renderNotice('en', 'AccountTakeOverNotification', {
      ...details,
      blocked: false,
      confirmLink: 'javascript:alert(1)',
      reportLink: 'not a url',
    });
    expect(emailMessage).not.toContain('javascript:');
    expect(emailMessage).not.toContain('href="not a url"');
    expect(emailMessage).toContain('change your password now');
  });

  it('escapes a hostile location', () => {
    const { emailMessage } = renderNotice('en', 'AccountTakeOverNotification', {
      appName: 'Acme',
      blocked: true,
      location: '<script>x</script>',
    });
    expect(emailMessage).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(emailMessage).not.toContain('<script>');
  });
});

describe('the templates', () => {
  it('use only the slots their renderer fills and the partials it defines', () => {
    const partialNames = new Set([
      'body',
      ...Object.keys(EMAIL_LAYOUT.partials),
      ...Object.keys(LOCALE_TEMPLATES.en.partials),
    ]);
    const shared = [EMAIL_LAYOUT.html, ...Object.values(EMAIL_LAYOUT.partials)];
    for (const locale of LOCALES) {
      const language = LOCALE_TEMPLATES[locale];
      const messages = [...shared, ...Object.values(language.partials)];
      for (const message of Object.values(language.messages)) {
        messages.push(message.emailSubject, message.emailBody, message.smsMessage, message.emailBodyLink ?? '');
      }
      const notices = [...shared, ...Object.values(language.partials)];
      for (const notice of Object.values(NOTICE_TEMPLATES[locale])) notices.push(notice.emailSubject, notice.emailBody);
      for (const [templates, allowed] of [
        [messages, new Set<string>(TEMPLATE_SLOTS)],
        [notices, new Set<string>(NOTICE_SLOTS)],
      ] as const) {
        for (const template of templates) {
          const { slots, partials } = namesIn(template);
          for (const slot of slots) expect(allowed, `{{${slot}}} in ${template}`).toContain(slot);
          for (const partial of partials) expect(partialNames, `{{> ${partial}}} in ${template}`).toContain(partial);
        }
      }
    }
  });

  it('translate every notice', () => {
    for (const kind of Object.keys(NOTICE_TEMPLATES.en) as (keyof typeof NOTICE_TEMPLATES.en)[]) {
      expect(NOTICE_TEMPLATES.de[kind].emailSubject).not.toBe(NOTICE_TEMPLATES.en[kind].emailSubject);
      expect(NOTICE_TEMPLATES.de[kind].emailBody).not.toBe(NOTICE_TEMPLATES.en[kind].emailBody);
    }
  });
});

describe('pickLocale', () => {
  it('takes the first candidate with templates, else the fallback', () => {
    expect(
      pickLocale(
        [
          ['a', 'fr-FR'],
          ['b', 'de_AT'],
        ],
        'en',
      ),
    ).toEqual({ locale: 'de', source: 'b' });
    expect(
      pickLocale(
        [
          ['a', undefined],
          ['b', 'xx'],
        ],
        'de',
      ),
    ).toEqual({ locale: 'de', source: 'default' });
    expect(languageOf('de_DE.UTF-8')).toBe('de');
  });
});
