import Mustache from 'mustache';

/**
 * Every variable and partial name a Mustache template uses, sections included: what a test needs
 * to prove that a template only asks for slots the renderer fills and always carries the code.
 *
 * @example
 * templateNames('Hi {{givenName}}, {{> footer}}'); // { slots: ['givenName'], partials: ['footer'] }
 */
export function templateNames(template: string): { slots: string[]; partials: string[] } {
  const slots: string[] = [];
  const partials: string[] = [];
  const walk = (tokens: Mustache.TemplateSpans): void => {
    for (const token of tokens) {
      const [type, name] = token;
      if (type === '>') partials.push(name);
      else if (type === 'name' || type === '&' || type === '#' || type === '^') slots.push(name);
      const children = token[4];
      if (Array.isArray(children)) walk(children);
    }
  };
  walk(Mustache.parse(template));
  return { slots, partials };
}
