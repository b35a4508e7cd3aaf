/**
 * What every renderer does to an input-derived string before it reaches a line of output.
 * Output goes to terminals (where ESC, CSI and OSC sequences retitle, recolour or clear the
 * screen) and to line-based formats (where a line break in a title or url starts a new
 * Markdown block, footnote definition or source-list line). Titles and urls come from
 * scraped pages and ids from file names, so any of them may hold such characters.
 */

/**
 * Characters that end a line or drive a terminal: C0 controls, DEL, C1 controls (which
 * include NEL U+0085 and CSI U+009B, a one-byte ESC [ on some terminals) and the Unicode
 * line and paragraph separators U+2028 and U+2029. Each becomes a space, so the words on
 * either side stay apart ("The\0council" reads "The council").
 */
const LINE_AND_TERMINAL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what
 * follows them on screen ("gnp.exe" shown as "exe.png"). They are invisible and separate
 * nothing, so they are dropped rather than spaced: right-to-left text reads as before.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** The one place input-derived text is made safe for a line of output: one line, no control characters, whitespace runs collapsed, trimmed. */
export function singleLine(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(LINE_AND_TERMINAL_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Only links a reader can follow safely: http(s) and mailto, never `javascript:`.
 *
 * Whitespace, control and bidi characters left inside the url after trimming are
 * percent-encoded rather than refused: a space in a hand-typed url is a typo browsers repair
 * the same way, so the link still works and the reader sees where it goes, while encoded
 * it can no longer end a line, a Markdown link destination or a terminal sequence. `<` and
 * `>` are encoded too (browsers do so in paths), so no renderer's markup can be closed by it.
 * Every character encoded here is a single UTF-16 unit outside the surrogates, so
 * `encodeURIComponent` cannot throw.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  if (!/^(?:https?:\/\/|mailto:)/i.test(trimmed)) return undefined;
  return trimmed.replace(/[\s<>\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, encodeURIComponent);
}
