// YAML with positions: reading a bundle file into a document whose nodes map back to lines and
// columns, including offsets inside multi-line MQL strings.
import { LineCounter, parseDocument, isScalar, Scalar, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Location, MqlSource } from './bundle.js';

export interface YamlFile {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export function readYaml(file: string, text: string, diagnostics: Diagnostic[]): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined): Location => {
    const { line, col } = lines.linePos(offset ?? 0);
    return { file, line, column: col };
  };
  for (const e of doc.errors) {
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const quote = e.code === 'MISSING_CHAR' ? /closing (["'])/.exec(message)?.[1] : undefined;
    // The parser notices a missing closing quote where the file ends; point at the opening one.
    const opening = quote ? text.lastIndexOf(quote, e.pos[0] - 1) : -1;
    if (e.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]*/.exec(text.slice(e.pos[0]))![0].trim();
      diagnostics.push({ severity: 'error', message: `the key '${key}' appears twice in the same map`, at: at(e.pos[0]) });
    } else if (quote && opening >= 0) diagnostics.push({ severity: 'error', message: `this ${quote === '"' ? 'double' : 'single'}-quoted string is never closed`, at: at(opening) });
    else diagnostics.push({ severity: 'error', message, at: at(e.pos[0]) });
  }
  for (const w of doc.warnings) diagnostics.push({ severity: 'warning', message: w.message.split('\n')[0]!, at: at(w.pos[0]) });
  return { file, text, doc, lines };
}

export function locationOf(y: YamlFile, node: YamlNode | null | undefined): Location {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = y.lines.linePos(offset);
  return { file: y.file, line, column: col };
}

/**
 * An MQL string from a scalar, able to map offsets in the string back to the file. Literal block
 * scalars (`|`) map line by line; single-line scalars map by offset (after an opening quote).
 */
export function mqlSource(y: YamlFile, node: YamlNode): MqlSource | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  const start = node.range?.[0] ?? 0;
  const at = locationOf(y, node);
  const scalar = node as Scalar;
  if (scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.BLOCK_FOLDED) {
    const firstLine = y.lines.linePos(start).line + 1;
    const sourceLines = y.text.split('\n');
    let indent = 0;
    for (let l = firstLine; l <= sourceLines.length; l++) {
      const s = sourceLines[l - 1] ?? '';
      if (s.trim()) {
        indent = s.length - s.trimStart().length;
        break;
      }
    }
    return {
      text,
      at: { file: y.file, line: firstLine, column: indent + 1 },
      locate: (offset) => {
        const before = text.slice(0, offset);
        const lineIndex = before.split('\n').length - 1;
        const column = offset - (before.lastIndexOf('\n') + 1);
        return { file: y.file, line: firstLine + lineIndex, column: indent + column + 1 };
      },
    };
  }
  const quoted = scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE ? 1 : 0;
  return {
    text,
    at,
    locate: (offset) => {
      const { line, col } = y.lines.linePos(start + quoted + offset);
      return { file: y.file, line, column: col };
    },
  };
}
