/** Articles from standard input: JSON lines of `{ id, text, … }`, or plain text split at "---" lines. */
import { ChorusError, type SourceDocument } from 'chorus-summary';
import { issue } from '../issue.js';

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Standard input: JSON lines of {id, text} when every line is one, else articles split at "---" lines. */
export function parseStdin(input: string): SourceDocument[] {
  const lines = input.split('\n').filter((line) => line.trim() !== '');
  const asJson = lines.length > 0 && lines.every((line) => /^\s*\{/.test(line));
  if (asJson) {
    return lines.map((line, index) => {
      try {
        return JSON.parse(line) as SourceDocument;
      } catch {
        throw new ChorusError([
          issue({ code: 'INVALID_DOCUMENT', path: ['stdin', index + 1], problem: `standard input line ${index + 1} is not valid JSON`, fix: 'Give one JSON object {"id": "…", "text": "…"} per line, or plain text with "---" lines between articles.' }),
        ]);
      }
    });
  }
  return input
    .split(/^---[ \t]*\r?$/m)
    .map((text) => text.replace(/^\r?\n/, ''))
    .filter((text) => text.trim() !== '')
    .map((text, index) => ({ id: `stdin:${index + 1}`, text }));
}
