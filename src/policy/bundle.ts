// The policy bundle model, in cnspec's `.mql.yaml` format: policies (with groups, scoring and
// props) and queries (checks with impact, MQL, filters, variants, docs). Every element knows the
// file, line and column it came from.

export interface Location {
  file: string;
  line: number;
  column: number;
}

export interface Impact {
  /** 0–100; undefined when the check gives none. */
  value?: number;
  weight: number;
}

/** MQL text and how to map an offset in it back to the file. */
export interface MqlSource {
  text: string;
  at: Location;
  /** Location of `offset` within `text`. */
  locate(offset: number): Location;
}

export interface PropDef {
  uid: string;
  title?: string;
  mql: MqlSource;
}

export interface Remediation {
  id: string;
  desc: string;
}

export interface QueryDocs {
  desc?: string;
  audit?: string;
  remediation: Remediation[];
}

export interface QueryDef {
  uid: string;
  title?: string;
  impact?: Impact;
  mql?: MqlSource;
  filters: MqlSource[];
  /** The variant queries; the first that applies runs in this query's place. */
  variants: QueryRef[];
  props: PropDef[];
  docs: QueryDocs;
  refs: Array<{ url: string; title?: string }>;
  tags: Record<string, string>;
  at: Location;
}

export interface QueryRef {
  uid: string;
  at: Location;
}

export interface GroupDef {
  title?: string;
  filters: MqlSource[];
  checks: QueryRef[];
  queries: QueryRef[];
  at: Location;
}

export type ScoringSystem = 'highest impact' | 'average' | 'weighted' | 'banded' | 'decayed' | 'ignore score';

export interface PolicyDef {
  uid: string;
  name: string;
  version?: string;
  license?: string;
  authors: Array<{ name: string; email?: string }>;
  tags: Record<string, string>;
  docs: { desc?: string };
  scoringSystem: ScoringSystem;
  groups: GroupDef[];
  props: PropDef[];
  at: Location;
}

export interface Bundle {
  policies: PolicyDef[];
  queries: Map<string, QueryDef>;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  message: string;
  at: Location;
}

export function formatLocation(at: Location): string {
  return `${at.file}:${at.line}:${at.column}`;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${formatLocation(d.at)}: ${d.severity}: ${d.message}`;
}
