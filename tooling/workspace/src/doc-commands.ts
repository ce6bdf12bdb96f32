/**
 * One command of a shell block in a Markdown document, split into words as a POSIX shell would
 * for the plain forms docs use: quotes, backslash escapes and line continuations, comments,
 * `&&`/`||`/`;`/`|` between commands, leading `NAME=value` assignments and `export`.
 * Expansions (`$VAR`, `$(...)`) are kept as written.
 *
 * @example
 * const command: DocCommand = { line: 12, assignments: { APP_NAME: 'Acme' }, words: ['pnpm', 'infra:check'] };
 */
export interface DocCommand {
  /** The 1-based line of the document where the command starts. */
  readonly line: number;
  /** `NAME=value` before the command, or every one after `export` (then `words` is `['export']`). */
  readonly assignments: Readonly<Record<string, string>>;
  readonly words: readonly string[];
}

const FENCE_OPEN = /^\s*```(?:sh|bash|shell)\s*$/;
const FENCE_CLOSE = /^\s*```\s*$/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * Every command of the document's ```` ```sh ```` (or `bash`, `shell`) blocks, in order.
 * Our own documents, not event data; the scanner reads each character once.
 *
 * @example
 * docCommands('```sh\nBLOCKED=x pnpm deploy:trigger pre-sign-up # deploy\n```');
 * // [{ line: 2, assignments: { BLOCKED: 'x' }, words: ['pnpm', 'deploy:trigger', 'pre-sign-up'] }]
 */
export function docCommands(markdown: string): DocCommand[] {
  const commands: DocCommand[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    if (!FENCE_OPEN.test(lines[index] ?? '')) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !FENCE_CLOSE.test(lines[end] ?? '')) end += 1;
    commands.push(...blockCommands(lines.slice(start, end), start + 1));
    index = end;
  }
  return commands;
}

/** A command's words before assignments are taken off, with whether each was written quoted. */
interface RawCommand {
  line: number;
  words: { text: string; bareName: boolean }[];
}

function blockCommands(lines: readonly string[], firstLine: number): DocCommand[] {
  const raw: RawCommand[] = [];
  let current: RawCommand | undefined;
  let word: { text: string; bareName: boolean } | undefined;
  let quote: "'" | '"' | undefined;
  const endWord = () => {
    if (word !== undefined) current?.words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (current !== undefined && current.words.length > 0) raw.push(current);
    current = undefined;
  };
  lines.forEach((text, offset) => {
    const lineNumber = firstLine + offset;
    for (let at = 0; at < text.length; at += 1) {
      const char = text[at]!;
      current ??= { line: lineNumber, words: [] };
      if (quote === "'") {
        if (char === "'") quote = undefined;
        else word!.text += char;
        continue;
      }
      if (quote === '"') {
        if (char === '"') quote = undefined;
        else if (char === '\\' && at + 1 < text.length && '"\\$`'.includes(text[at + 1]!)) word!.text += text[++at];
        else word!.text += char;
        continue;
      }
      if (char === ' ' || char === '\t') {
        endWord();
      } else if (char === '#' && word === undefined) {
        break;
      } else if (char === ';' || char === '|' || (char === '&' && text[at + 1] === '&')) {
        if (text[at + 1] === char) at += 1;
        endCommand();
      } else if (char === '\\') {
        // A backslash at the end of the line continues the command on the next one.
        if (at + 1 < text.length) {
          word ??= { text: '', bareName: true };
          word.text += text[++at];
        }
      } else {
        word ??= { text: '', bareName: true };
        if (char === "'" || char === '"') {
          // `NAME='value'` is still an assignment: only the part before `=` must be unquoted.
          if (!word.text.includes('=')) word.bareName = false;
          quote = char;
        } else {
          word.text += char;
        }
      }
    }
    if (quote !== undefined) {
      word!.text += '\n';
    } else if (!text.trimEnd().endsWith('\\') || text.trimEnd().endsWith('\\\\')) {
      endCommand();
    } else {
      endWord();
    }
  });
  endCommand();
  return raw.map(toCommand);
}

function toCommand({ line, words }: RawCommand): DocCommand {
  const assignments: Record<string, string> = {};
  const isAssignment = (entry: { text: string; bareName: boolean }) => entry.bareName && ASSIGNMENT.test(entry.text);
  const assign = (entry: { text: string }) => {
    const [, name = ''] = ASSIGNMENT.exec(entry.text) ?? [];
    assignments[name] = entry.text.slice(name.length + 1);
  };
  if (words[0]?.text === 'export') {
    for (const entry of words.slice(1)) if (isAssignment(entry)) assign(entry);
    return { line, assignments, words: ['export'] };
  }
  let first = 0;
  while (first < words.length && isAssignment(words[first]!)) assign(words[first++]!);
  return { line, assignments, words: words.slice(first).map((entry) => entry.text) };
}
