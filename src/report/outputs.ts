// The output formats by name, for the CLI and the demo: one function from a report to the text
// of each format.
import { comparisonMarkdown, type Comparison } from './compare.js';
import { consoleReport } from './console.js';
import { buildJUnit } from './junit.js';
import type { Report } from './report.js';
import { anchorFor, buildSarif, type AnchorContext } from './sarif.js';
import { buildSummary } from './summary.js';

export const OUTPUT_FORMATS = ['compact', 'full', 'summary', 'json', 'sarif', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderContext {
  comparison?: Comparison;
  /** ANSI colour in the console formats. */
  color?: boolean;
  /** Where SARIF results point (see anchorFor). */
  anchors?: AnchorContext;
  /** Markdown naming the other files written, for the summary. */
  filesNote?: string;
}

export function renderOutput(format: OutputFormat, report: Report, ctx: RenderContext = {}): string {
  switch (format) {
    case 'compact':
    case 'full':
      return consoleReport(report, { full: format === 'full', color: ctx.color });
    case 'summary':
      return buildSummary(report, { comparison: ctx.comparison ? comparisonMarkdown(ctx.comparison) : undefined, filesNote: ctx.filesNote });
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(buildSarif(report, { anchor: (check) => anchorFor(check, ctx.anchors) }), null, 2)}\n`;
    case 'junit':
      return buildJUnit(report);
  }
}
