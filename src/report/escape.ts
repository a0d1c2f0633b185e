// Making text from Okta or from bundle files safe to print, per destination. Each helper is the
// one place that decides what a hostile value (an app named `<img onerror=…>`, a group named
// `@org/admins`, a title with an ANSI escape) can and cannot do there:
// - GitHub Markdown (job summary, PR comment): shown literally, whether it lands in a table cell,
//   an HTML block or a paragraph; it can open no tag, link, code span, emphasis, math, table
//   column or @mention. Bare URLs stay autolinked by GitHub, but a link then shows its own target,
//   so it cannot pretend to be something else.
// - XML (JUnit): well-formed, with the characters XML 1.0 forbids replaced.
// - A terminal: no control sequence (colour, cursor movement, title setting) and no bidirectional
//   override gets through, and a value cannot start a new line.

/** Characters that reorder text when displayed (the "Trojan Source" set). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
/** C0 and C1 controls and DEL. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const REPLACEMENT = '\ufffd';

/** At most `max` characters (by code point), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** One line: line breaks and tabs become spaces, other controls and bidi overrides go. */
export function oneLine(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(CONTROL, '')
    .replace(BIDI, REPLACEMENT)
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Markdown/HTML-active characters, shown literally as numeric character references (which GitHub's
 * Markdown parser and HTML both display as the character): `&<>` (HTML), `` \`*~[] `` (Markdown
 * inline syntax), `|` (a table column), `#` (a heading), `$` (GitHub's math), and `_` unless it
 * stands between two letters or digits, where it cannot start or end emphasis.
 */
const MARKDOWN_ACTIVE = /[&<>\\`*~[\]|#$]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** What would start a block (a list item, a thematic break) if the text began a line. */
const BLOCK_START = /^(?:[-+]|\d{1,9}(?=[.)](?:\s|$)))/;

const reference = (ch: string): string => `&#${ch.codePointAt(0)};`;

/**
 * Text shown literally on one line in GitHub Markdown or HTML: in a table cell, a list item, a
 * `<summary>` or a paragraph. `@name` loses its power to notify (a word joiner after the `@`).
 * Not for attribute values.
 */
export function mdText(text: string, max = 300): string {
  return clip(oneLine(text), max)
    .replace(MARKDOWN_ACTIVE, reference)
    .replace(BLOCK_START, (start) => reference(start[0]!) + start.slice(1))
    .replace(/(^|[^\w.+-])@(?=[\w-])/g, '$1@\u2060');
}

/** Text shown as it is, in a fenced block that no backtick run inside it can close. */
export function mdFence(text: string, lang = 'text'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

/** Text shown literally in a `<code>` element (a uid, a resource name). */
export function mdCode(text: string, max = 120): string {
  return `<code>${mdText(text, max)}</code>`;
}

/**
 * Prose from a bundle (a remediation, a description) on one Markdown line: hard-wrapped lines
 * join, a line that starts a list item and each new paragraph start after a `<br>`, and
 * `` `code` `` spans stay code. Everything else is literal, as with mdText.
 */
export function mdProse(text: string, max = 4000): string {
  return clip(text.trim(), max)
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, i) => (i > 0 && /^([-*+]|\d+[.)])\s/.test(line) ? `<br>${codeSpans(line)}` : codeSpans(line)))
        .join(' ')
        .replace(/ <br>/g, '<br>'),
    )
    .filter(Boolean)
    .join('<br><br>');
}

/** One line of prose with its `` `code` `` spans as <code>, everything escaped. */
function codeSpans(line: string): string {
  return line
    .split(/(`[^`]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? mdCode(part.slice(1, -1), 1000) : escapeInline(part)))
    .join('');
}

/** Like mdText for a piece of a line: keeps its spaces at both ends. */
function escapeInline(part: string): string {
  const inner = mdText(part, 4000);
  return `${/^\s/.test(part) ? ' ' : ''}${inner}${/\s$/.test(part) && inner ? ' ' : ''}`;
}

/** Characters XML 1.0 does not allow at all: most C0 controls, U+FFFE/U+FFFF, lone surrogates. */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text content of an XML element. */
export function xmlText(text: string): string {
  return text.replace(XML_INVALID, REPLACEMENT).replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/** An XML attribute value (for double quotes); line breaks and tabs survive as references. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/["'\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** One line for a terminal: no control characters or bidi overrides; they show as U+FFFD. */
export function terminalText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROL, REPLACEMENT)
    .replace(BIDI, REPLACEMENT)
    .trim();
}

/** Several lines for a terminal (prose from a bundle), each cleaned as terminalText. */
export function terminalLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => terminalText(line.replace(/\t/g, '  ')))
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''));
}
