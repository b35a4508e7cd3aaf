export { summarize, summarizeSync, runPart } from './summarize.js';
export { digest, digestSync } from './digest.js';
export { toMarkdown, type MarkdownOptions } from './render/markdown.js';
export { toText, type TextOptions } from './render/text.js';
export { toHTML, type HtmlOptions } from './render/html.js';
export { digestToHTML, digestToMarkdown, digestToText } from './render/digest.js';
export { toReport, type ReportOptions } from './render/report/index.js';
export { ChorusError, type ChorusIssue, type ErrorCode } from './errors.js';
export { DEFAULTS, type DigestOptions, type SummarizeOptions } from './options.js';
export type {
  Conflict,
  ConflictSpan,
  ConflictVariant,
  Digest,
  DocumentReport,
  Parallel,
  PartResult,
  PartRequest,
  Progress,
  SourceDocument,
  SourceSpan,
  Stage,
  Story,
  Summary,
  SummarySentence,
  SummaryStats,
  SummaryWarning,
  WarningCode,
} from './types.js';
