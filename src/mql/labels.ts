// The label a statement's value is shown under: the expression as written, without its block
// (`okta.users { name }` shows as `okta.users`), with quotes dropped inside index brackets.
import type { Node } from './ast.js';

/** `credentials['provider']['name']` → `credentials[provider][name]`, as cnspec prints labels. */
export function normalizeLabel(text: string): string {
  return text.replace(/\[\s*(['"])((?:\\.|(?!\1).)*)\1\s*\]/g, '[$2]').replace(/\s+/g, ' ').trim();
}

export function labelOf(node: Node, source: string): string {
  if (node.type === 'block') return labelOf(node.target, source);
  if (node.type === 'call') return `${labelOf(node.target, source)}.${node.name}`;
  return normalizeLabel(source.slice(node.start, node.end));
}
