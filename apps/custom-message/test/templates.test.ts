import {
  CUSTOM_MESSAGE_LIMITS,
  characterCount,
  customMessage,
  customMessageProblem,
  envReader,
  type CustomMessageEvent,
} from '@cognito-triggers/trigger-core';
import { triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { describe, expect, it } from 'vitest';
import { templateNames as namesIn } from '@cognito-triggers/email-templates';
import { readConfig } from '../src/config';
import { composeMessage } from '../src/decide';
import { TEMPLATE_SLOTS } from '../src/render';
import { EMAIL_LAYOUT, LOCALE_TEMPLATES, LOCALES, type Locale } from '../src/templates/index';

const every = LOCALES.flatMap((locale) => customMessage.sources.map((source) => [locale, source] as const));

function eventIn(locale: Locale, source: CustomMessageEvent['triggerSource']) {
  return triggerEvent(source, { request: { userAttributes: { locale } } });
}

describe('the templates', () => {
  const codeConfig = readConfig(envReader({ APP_NAME: 'Acme', APP_URL: 'https://app.acme.example' }));
  const linkConfig = { ...codeConfig, emailVerification: 'link' as const };

  it.each(every)(
    'in %s for %s carry the code placeholder in the e-mail and the SMS, and Cognito accepts them',
    (locale, source) => {
      const event = eventIn(locale, source);
      const decision = composeMessage(event, codeConfig);
      if (decision.action !== 'customise') throw new Error(`kept the default: ${decision.reason}`);
      expect(decision.locale).toBe(locale);
      expect(decision.texts.emailMessage).toContain(event.request.codeParameter);
      expect(decision.texts.smsMessage).toContain(event.request.codeParameter);
      if (source === 'CustomMessage_AdminCreateUser') {
        expect(decision.texts.emailMessage).toContain('{username}');
        expect(decision.texts.smsMessage).toContain('{username}');
      }
      expect(customMessageProblem(event, decision.texts)).toBeUndefined();
    },
  );

  it.each(
    LOCALES.flatMap((locale) =>
      (['CustomMessage_SignUp', 'CustomMessage_ResendCode'] as const).map((source) => [locale, source] as const),
    ),
  )('in %s for %s carry the verification link when the pool verifies by link', (locale, source) => {
    const event = eventIn(locale, source);
    const decision = composeMessage(event, linkConfig);
    if (decision.action !== 'customise') throw new Error(`kept the default: ${decision.reason}`);
    expect(decision.verification).toBe('link');
    expect(decision.texts.emailMessage).toContain('{##Click Here##}');
    expect(decision.texts.smsMessage).toContain('{####}');
  });

  it.each(every)(
    'in %s for %s keep subject and SMS within 140 characters for a 20-character APP_NAME',
    (locale, source) => {
      const config = readConfig(envReader({ APP_NAME: 'Acme Customer Portal' }));
      const decision = composeMessage(eventIn(locale, source), config);
      if (decision.action !== 'customise') throw new Error(`kept the default: ${decision.reason}`);
      expect(characterCount(decision.texts.smsMessage)).toBeLessThanOrEqual(CUSTOM_MESSAGE_LIMITS.smsMessage);
      expect(characterCount(decision.texts.emailSubject)).toBeLessThanOrEqual(CUSTOM_MESSAGE_LIMITS.emailSubject);
    },
  );

  it('use only slots the trigger fills and partials it defines, because Mustache renders a misspelt one as nothing', () => {
    const templates = [EMAIL_LAYOUT.html, ...Object.values(EMAIL_LAYOUT.partials)];
    for (const locale of LOCALES) {
      const language = LOCALE_TEMPLATES[locale];
      templates.push(...Object.values(language.partials));
      for (const message of Object.values(language.messages)) {
        templates.push(
          message.emailSubject,
          message.emailBody,
          message.smsMessage,
          ...(message.emailBodyLink === undefined ? [] : [message.emailBodyLink]),
        );
      }
    }
    const partialNames = new Set([
      'body',
      ...Object.keys(EMAIL_LAYOUT.partials),
      ...Object.keys(LOCALE_TEMPLATES.en.partials),
    ]);
    const slotNames = new Set<string>(TEMPLATE_SLOTS);
    for (const template of templates) {
      const { slots, partials } = namesIn(template);
      for (const slot of slots) expect(slotNames, `{{${slot}}} in ${template}`).toContain(slot);
      for (const partial of partials) expect(partialNames, `{{> ${partial}}} in ${template}`).toContain(partial);
    }
  });

  it('are translated: no German subject or SMS is the English one', () => {
    for (const source of customMessage.sources) {
      expect(LOCALE_TEMPLATES.de.messages[source].emailSubject).not.toBe(
        LOCALE_TEMPLATES.en.messages[source].emailSubject,
      );
      expect(LOCALE_TEMPLATES.de.messages[source].smsMessage).not.toBe(LOCALE_TEMPLATES.en.messages[source].smsMessage);
    }
  });

  it('declare the e-mail language in the HTML', () => {
    for (const locale of LOCALES) {
      const decision = composeMessage(eventIn(locale, 'CustomMessage_ForgotPassword'), codeConfig);
      if (decision.action !== 'customise') throw new Error('kept the default');
      expect(decision.texts.emailMessage).toContain(`<html lang="${locale}">`);
    }
  });
});
