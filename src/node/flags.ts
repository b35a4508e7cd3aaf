/**
 * The CLI's flags: one per option that has a `flag` in the options table, plus the CLI's own.
 * The parser configuration, the value conversion and the help text are all derived here.
 */
import { quote } from '../issue.js';
import { OPTIONS, type CliFlag, type DigestOptions, type OptionName } from '../options.js';

export const FORMATS = ['markdown', 'text', 'json', 'html', 'report'] as const;
export type Format = (typeof FORMATS)[number];

interface OwnFlag {
  name: string;
  short?: string;
  placeholder?: string;
  help: string;
}

/** Flags of the CLI itself (not options of the library). */
const OWN: OwnFlag[] = [
  { name: 'format', short: 'f', placeholder: 'format', help: `${FORMATS.join(' | ')} (default: from the --output file's extension, else markdown on a terminal, text when piped)` },
  { name: 'output', short: 'o', placeholder: 'file', help: 'write the summary to a file (replaced whole, never half-written) instead of standard output' },
  { name: 'max-citations', placeholder: 'n', help: 'cite at most n sources per sentence, then "and N more" (markdown, text, html; default 10)' },
  { name: 'strict', help: 'any input that cannot be read stops the run, nothing written (default: report it, summarise the rest, exit 1)' },
  { name: 'max-file-size', placeholder: 'bytes', help: 'largest file read (default 67108864); a larger one is reported and skipped' },
  { name: 'threads', placeholder: 'n', help: "worker threads that read a large input and summarise a digest's stories beside the main one (default: the other cores, at most 3; 0: none)" },
  { name: 'quiet', short: 'q', help: 'no warnings and no progress on standard error' },
  { name: 'debug', help: 'print stack traces with errors, and how standard input was read' },
  { name: 'version', short: 'v', help: 'print the version' },
  { name: 'help', short: 'h', help: 'print this help' },
];

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Each library option with a flag: its option name and the flag, long name filled in. */
export const OPTION_FLAGS: { option: OptionName; flag: CliFlag & { name: string } }[] = Object.entries(OPTIONS).flatMap(([option, spec]) =>
  spec.flag ? [{ option: option as OptionName, flag: { ...spec.flag, name: spec.flag.name ?? kebab(option) } }] : [],
);

/** `chorus` summarises one story; `chorus digest` groups a feed into stories first. */
export type Command = 'summary' | 'digest';

/** The library options' flags a command takes: the digest's own only under `chorus digest`. */
function flagsOf(command: Command): typeof OPTION_FLAGS {
  return OPTION_FLAGS.filter(({ option }) => command === 'digest' || (OPTIONS[option] as { scope?: string }).scope !== 'digest');
}

/** `util.parseArgs` options for every flag. */
export function parserOptions(command: Command = 'summary'): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  const add = (name: string, short: string | undefined, takesValue: boolean) => {
    options[name] = short ? { type: takesValue ? 'string' : 'boolean', short } : { type: takesValue ? 'string' : 'boolean' };
  };
  for (const { flag } of flagsOf(command)) add(flag.name, flag.short, flag.sets === undefined);
  for (const flag of OWN) add(flag.name, flag.short, flag.placeholder !== undefined);
  return options;
}

/**
 * "--words -3": a value that looks like a negative number is the flag's value, not another
 * flag (util.parseArgs would call it ambiguous); join it as "--words=-3".
 */
export function joinNegativeValues(argv: readonly string[], command: Command = 'summary'): string[] {
  const valued = new Set<string>();
  for (const [name, option] of Object.entries(parserOptions(command)))
    if (option.type === 'string') {
      valued.add(`--${name}`);
      if (option.short) valued.add(`-${option.short}`);
    }
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (valued.has(argv[i]!) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${argv[i]}=${next}`);
      i++;
    } else joined.push(argv[i]!);
  }
  return joined;
}

/** The library options the flags give: numbers converted when they read as numbers (the library checks ranges). */
export function optionsFromFlags(values: Record<string, string | boolean | undefined>): DigestOptions {
  const options: Record<string, unknown> = {};
  for (const { option, flag } of OPTION_FLAGS) {
    const value = values[flag.name];
    if (value === undefined) continue;
    if (flag.sets !== undefined) options[option] = flag.sets;
    else if (typeof value === 'string' && /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(value.trim()) && typeof OPTIONS[option].default !== 'string')
      options[option] = Number(value);
    else options[option] = value;
  }
  return options as DigestOptions;
}

/** The flag that sets a library option, for messages ("--words"). */
export function flagOf(option: string): string | undefined {
  const found = OPTION_FLAGS.find((entry) => entry.option === option);
  return found ? `--${found.flag.name}` : undefined;
}

function line(name: string, short: string | undefined, placeholder: string | undefined, help: string): string {
  const left = `${short ? `-${short}, ` : '    '}--${name}${placeholder ? ` <${placeholder}>` : ''}`;
  return `  ${left.padEnd(30)} ${help}`;
}

/** The options part of `--help`. */
export function flagHelp(command: Command = 'summary'): string {
  const lines = flagsOf(command).map(({ option, flag }) => {
    const spec: { range?: string; default?: unknown } = OPTIONS[option];
    const details = flag.sets === undefined ? [spec.range, spec.default === undefined ? undefined : `default ${String(spec.default)}`].filter(Boolean) : [];
    return line(flag.name, flag.short, flag.placeholder, details.length > 0 ? `${flag.help} (${details.join(', ')})` : flag.help);
  });
  return [...lines, ...OWN.map((flag) => line(flag.name, flag.short, flag.placeholder, flag.help))].join('\n');
}

/** A CLI flag's whole-number value, or why not ("--max-citations must be …"). */
export function integerFlag(values: Record<string, string | boolean | undefined>, name: string, min: number): number | string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) && number >= min ? number : `--${name} must be an integer ≥ ${min}, received ${typeof value === 'string' ? quote(value) : String(value)}`;
}
