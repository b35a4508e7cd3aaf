/**
 * Articles from standard input. The format is decided once, by the first line that is not
 * blank: a JSON object starts JSON lines (`{"id": …, "text": …}` per line, every later line
 * must be one too); anything else is plain text, articles separated by a line `---`. Nothing
 * is dropped without a word: a bad JSON line is an error naming it, and `---` at the end of a
 * line also separates (the article before it had no final newline: `cat a.txt <(echo ---) b.txt`).
 */
import { ChorusError, type ChorusIssue, type SourceDocument } from 'chorus-summary';
import { issue } from '../issue.js';

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export interface StdinArticles {
  documents: SourceDocument[];
  /** How the input was read, for --debug. */
  note: string;
}

/** Most bad JSON lines listed one by one. */
const LISTED = 20;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function jsonLines(lines: string[]): StdinArticles {
  const documents: SourceDocument[] = [];
  const issues: ChorusIssue[] = [];
  const fix = 'Standard input is read as JSON lines when its first line starts with "{": give one JSON object {"id": "…", "text": "…"} per line, or plain text with "---" lines between articles.';
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const number = index + 1;
    const value = parseJson(line);
    const problem = !isObject(value)
      ? `standard input line ${number} is not ${value === undefined ? 'valid JSON' : 'a JSON object'}`
      : typeof value.text !== 'string'
        ? `standard input line ${number} has no "text" string`
        : value.id !== undefined && typeof value.id !== 'string'
          ? `standard input line ${number} has an "id" that is not a string`
          : undefined;
    if (problem !== undefined) issues.push(issue({ code: 'INVALID_DOCUMENT', path: ['stdin', number], problem, received: line.trim(), fix }));
    else documents.push({ ...(value as object), id: (value as { id?: string }).id ?? `stdin:${number}` } as SourceDocument);
  });
  if (issues.length > LISTED) {
    const more = issues.length - LISTED;
    issues.splice(LISTED, more, issue({ code: 'INVALID_DOCUMENT', path: ['stdin'], problem: `and ${more} more lines of standard input are not articles`, fix }));
  }
  if (issues.length > 0) throw new ChorusError(issues);
  return { documents, note: `standard input: ${documents.length} article${documents.length === 1 ? '' : 's'} as JSON lines` };
}

/** A line `---` (spaces after it allowed), or a line ending in `---` after something that is not a dash. */
const SEPARATOR = /^(.*?)(?<!-)---[ \t]*$/;

function plainText(lines: string[]): StdinArticles {
  const articles: string[][] = [[]];
  let glued = 0;
  for (const line of lines) {
    const separator = SEPARATOR.exec(line);
    if (!separator) articles[articles.length - 1]!.push(line);
    else {
      if (separator[1] !== '') {
        articles[articles.length - 1]!.push(separator[1]!);
        glued++;
      }
      articles.push([]);
    }
  }
  const texts = articles.map((article) => article.join('\n')).filter((text) => text.trim() !== '');
  const documents = texts.map((text, index) => ({ id: `stdin:${index + 1}`, text }));
  const gluedNote = glued > 0 ? ` (${glued} of them at the end of a line of text: an article without a final newline)` : '';
  const separators = articles.length - 1;
  return {
    documents,
    note: `standard input: ${documents.length} article${documents.length === 1 ? '' : 's'} as plain text, ${separators} "---" separator${separators === 1 ? '' : 's'}${gluedNote}`,
  };
}

/** Standard input's articles, and how they were read. */
export function parseStdin(input: string): StdinArticles {
  const lines = input.replace(/^\ufeff/, '').split(/\r?\n/);
  const first = lines.find((line) => line.trim() !== '')?.trim();
  if (first === undefined) return { documents: [], note: 'standard input: empty' };
  if (first.startsWith('{') && (isObject(parseJson(first)) || first.startsWith('{"'))) return jsonLines(lines);
  return plainText(lines);
}
