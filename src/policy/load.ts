// Reads cnspec-format policy bundles (`.mql.yaml`) into the bundle model. Anything it cannot use
// is reported with file, line and column: YAML errors and duplicate keys as errors, keys it does
// not know as warnings, malformed values as errors.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { Bundle, Diagnostic, GroupDef, Impact, Location, MqlSource, PolicyDef, PropDef, QueryDef, QueryRef, Remediation, ScoringSystem } from './bundle.js';
import { lintBundle } from './lint.js';
import { locationOf, mqlSource, readYaml, type YamlFile } from './yamlSource.js';

const IMPACT_WORDS: Record<string, number> = { critical: 95, high: 80, medium: 55, low: 20, none: 0, info: 0 };

const SCORING: Record<string, ScoringSystem> = {
  'highest impact': 'highest impact',
  highestimpact: 'highest impact',
  worst: 'highest impact',
  average: 'average',
  avg: 'average',
  weighted: 'weighted',
  banded: 'banded',
  decayed: 'decayed',
  'ignore score': 'ignore score',
  'data only': 'ignore score',
  disabled: 'ignore score',
};

const KNOWN = {
  top: ['policies', 'queries', 'packs', 'frameworks', 'framework_maps', 'props'],
  policy: ['uid', 'mrn', 'name', 'version', 'license', 'authors', 'tags', 'docs', 'scoring_system', 'groups', 'props', 'require', 'summary', 'owner_mrn', 'query_counts'],
  group: ['uid', 'title', 'type', 'filters', 'checks', 'queries', 'policies', 'docs', 'start_date', 'end_date', 'reminder_date', 'review_status', 'created', 'modified', 'authors'],
  query: ['uid', 'mrn', 'title', 'impact', 'mql', 'filters', 'variants', 'props', 'docs', 'refs', 'tags', 'desc', 'severity', 'type', 'context', 'action'],
};

class Reader {
  constructor(
    readonly y: YamlFile,
    readonly diagnostics: Diagnostic[],
  ) {}

  at(node: YamlNode | null | undefined): Location {
    return locationOf(this.y, node);
  }

  error(node: YamlNode | null | undefined, message: string): void {
    this.diagnostics.push({ severity: 'error', message, at: this.at(node) });
  }

  warn(node: YamlNode | null | undefined, message: string): void {
    this.diagnostics.push({ severity: 'warning', message, at: this.at(node) });
  }

  /** The pairs of a map, warning about keys outside `known`. */
  map(node: YamlNode | null | undefined, what: string, known: readonly string[]): Map<string, Pair<YamlNode, YamlNode>> {
    const out = new Map<string, Pair<YamlNode, YamlNode>>();
    if (!isMap(node)) {
      this.error(node, `${what} must be a map of keys and values`);
      return out;
    }
    for (const pair of (node as YAMLMap<YamlNode, YamlNode>).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) {
        this.error(pair.key, `${what} has a key that is not text`);
        continue;
      }
      if (!known.includes(key)) this.warn(pair.key, `${what} has the key '${key}', which okta-posture does not know; it is ignored`);
      out.set(key, pair);
    }
    return out;
  }

  string(pair: Pair<YamlNode, YamlNode> | undefined, what: string): string | undefined {
    if (!pair) return undefined;
    const v = pair.value;
    if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number')) return String(v.value);
    if (isScalar(v) && v.value === null) return undefined;
    this.error(v ?? pair.key, `${what} must be text`);
    return undefined;
  }

  list(pair: Pair<YamlNode, YamlNode> | undefined, what: string): YamlNode[] {
    if (!pair || (isScalar(pair.value) && pair.value.value === null)) return [];
    if (!isSeq(pair.value)) {
      this.error(pair.value ?? pair.key, `${what} must be a list`);
      return [];
    }
    return pair.value.items as YamlNode[];
  }

  stringMap(pair: Pair<YamlNode, YamlNode> | undefined, what: string): Record<string, string> {
    const out: Record<string, string> = {};
    if (!pair || (isScalar(pair.value) && pair.value.value === null)) return out;
    if (!isMap(pair.value)) {
      this.error(pair.value ?? pair.key, `${what} must be a map`);
      return out;
    }
    for (const item of pair.value.items) {
      if (isScalar(item.key)) out[String(item.key.value)] = isScalar(item.value) ? String(item.value.value ?? '') : '';
    }
    return out;
  }

  mql(node: YamlNode | null | undefined, what: string): MqlSource | undefined {
    if (!node) return undefined;
    const source = mqlSource(this.y, node);
    if (!source) this.error(node, `${what} must be an MQL string`);
    return source;
  }

  /** `filters:` as a string, a list of strings, or a list of `{ mql: … }`. */
  filters(pair: Pair<YamlNode, YamlNode> | undefined): MqlSource[] {
    if (!pair) return [];
    if (isScalar(pair.value)) return pair.value.value === null ? [] : [this.mql(pair.value, 'filters')].filter((m): m is MqlSource => !!m);
    return this.list(pair, 'filters').flatMap((item) => {
      if (isMap(item)) {
        const m = this.map(item, 'a filter', ['mql']);
        return [this.mql(m.get('mql')?.value, 'a filter')].filter((x): x is MqlSource => !!x);
      }
      return [this.mql(item, 'a filter')].filter((x): x is MqlSource => !!x);
    });
  }

  impact(pair: Pair<YamlNode, YamlNode> | undefined): Impact | undefined {
    if (!pair) return undefined;
    const v = pair.value;
    const fromValue = (node: YamlNode | null | undefined): number | undefined => {
      if (!isScalar(node)) return undefined;
      if (typeof node.value === 'number') {
        if (node.value < 0 || node.value > 100) this.error(node, `impact must be between 0 and 100, not ${node.value}`);
        return Math.max(0, Math.min(100, node.value));
      }
      const word = String(node.value).toLowerCase();
      if (word in IMPACT_WORDS) return IMPACT_WORDS[word];
      this.error(node, `impact must be a number from 0 to 100 or one of ${Object.keys(IMPACT_WORDS).join(', ')}, not '${String(node.value)}'`);
      return undefined;
    };
    if (isMap(v)) {
      const m = this.map(v, 'impact', ['value', 'weight', 'scoring', 'action']);
      const weight = m.get('weight');
      const w = isScalar(weight?.value) && typeof weight.value.value === 'number' ? weight.value.value : 1;
      return { value: fromValue(m.get('value')?.value), weight: w };
    }
    return { value: fromValue(v), weight: 1 };
  }

  props(pair: Pair<YamlNode, YamlNode> | undefined): PropDef[] {
    return this.list(pair, 'props').flatMap((item) => {
      const m = this.map(item, 'a prop', ['uid', 'title', 'mql', 'for']);
      const uid = this.string(m.get('uid'), 'a prop uid');
      const mql = this.mql(m.get('mql')?.value, `the prop ${uid ?? ''} mql`);
      if (!uid) this.error(item, 'a prop needs a uid');
      if (!m.get('mql')) this.error(item, `the prop ${uid ?? ''} needs an mql value (its default)`);
      return uid && mql ? [{ uid, title: this.string(m.get('title'), 'a prop title'), mql }] : [];
    });
  }

  refs(pair: Pair<YamlNode, YamlNode> | undefined, what: string): QueryRef[] {
    return this.list(pair, what).flatMap((item) => {
      const m = isMap(item) ? this.map(item, `an entry of ${what}`, [...KNOWN.query]) : undefined;
      const uid = m ? this.string(m.get('uid'), 'uid') : isScalar(item) ? String(item.value) : undefined;
      if (!uid) {
        this.error(item, `an entry of ${what} needs a uid`);
        return [];
      }
      return [{ uid, at: this.at(item) }];
    });
  }

  remediation(node: YamlNode | null | undefined): Remediation[] {
    if (!node) return [];
    if (isScalar(node)) return node.value === null ? [] : [{ id: 'default', desc: String(node.value) }];
    const items = isMap(node) ? (this.map(node, 'remediation', ['items']).get('items')?.value as YamlNode | undefined) : node;
    if (!isSeq(items)) {
      this.error(node, 'remediation must be text or a list of { id, desc }');
      return [];
    }
    return (items.items as YamlNode[]).flatMap((item) => {
      const m = this.map(item, 'a remediation', ['id', 'desc']);
      const desc = this.string(m.get('desc'), 'a remediation desc');
      return desc ? [{ id: this.string(m.get('id'), 'a remediation id') ?? 'default', desc }] : [];
    });
  }
}

function readQuery(r: Reader, node: YamlNode): QueryDef | undefined {
  const m = r.map(node, 'a query', KNOWN.query);
  const uid = r.string(m.get('uid'), 'a query uid');
  if (!uid) {
    r.error(node, 'a query needs a uid');
    return undefined;
  }
  const docsPair = m.get('docs');
  const docs = docsPair ? r.map(docsPair.value, `the docs of ${uid}`, ['desc', 'audit', 'remediation', 'refs']) : new Map();
  return {
    uid,
    title: r.string(m.get('title'), `the title of ${uid}`),
    impact: r.impact(m.get('impact')),
    mql: m.get('mql') ? r.mql(m.get('mql')!.value, `the mql of ${uid}`) : undefined,
    filters: r.filters(m.get('filters')),
    variants: r.refs(m.get('variants'), `the variants of ${uid}`),
    props: r.props(m.get('props')),
    docs: {
      desc: r.string(docs.get('desc'), `the description of ${uid}`) ?? r.string(m.get('desc'), `the description of ${uid}`),
      audit: r.string(docs.get('audit'), `the audit of ${uid}`),
      remediation: r.remediation(docs.get('remediation')?.value),
    },
    refs: r.list(m.get('refs') ?? docs.get('refs'), `the refs of ${uid}`).flatMap((ref) => {
      const rm = r.map(ref, 'a ref', ['url', 'title']);
      const url = r.string(rm.get('url'), 'a ref url');
      return url ? [{ url, title: r.string(rm.get('title'), 'a ref title') }] : [];
    }),
    tags: r.stringMap(m.get('tags'), `the tags of ${uid}`),
    at: r.at(node),
  };
}

function readGroup(r: Reader, node: YamlNode, inline: QueryDef[]): GroupDef {
  const m = r.map(node, 'a group', KNOWN.group);
  const defineInline = (pair: Pair<YamlNode, YamlNode> | undefined) => {
    for (const item of r.list(pair, 'checks')) {
      if (isMap(item) && (item.has('mql') || item.has('title') || item.has('variants'))) {
        const q = readQuery(r, item);
        if (q) inline.push(q);
      }
    }
  };
  defineInline(m.get('checks'));
  defineInline(m.get('queries'));
  return {
    title: r.string(m.get('title'), 'a group title'),
    filters: r.filters(m.get('filters')),
    checks: r.refs(m.get('checks'), 'checks'),
    queries: r.refs(m.get('queries'), 'queries'),
    at: r.at(node),
  };
}

function readPolicy(r: Reader, node: YamlNode, inline: QueryDef[]): PolicyDef | undefined {
  const m = r.map(node, 'a policy', KNOWN.policy);
  const uid = r.string(m.get('uid'), 'a policy uid');
  if (!uid) {
    r.error(node, 'a policy needs a uid');
    return undefined;
  }
  const scoringText = r.string(m.get('scoring_system'), 'scoring_system');
  let scoringSystem: ScoringSystem = 'average';
  if (scoringText !== undefined) {
    const s = SCORING[scoringText.toLowerCase().replace(/_/g, ' ').trim()];
    if (s) scoringSystem = s;
    else r.error(m.get('scoring_system')!.value, `scoring_system must be one of highest impact, average, weighted, banded, decayed, ignore score; not '${scoringText}'`);
  }
  const docs = m.get('docs') ? r.map(m.get('docs')!.value, `the docs of ${uid}`, ['desc']) : new Map();
  return {
    uid,
    name: r.string(m.get('name'), `the name of ${uid}`) ?? uid,
    version: r.string(m.get('version'), `the version of ${uid}`),
    license: r.string(m.get('license'), `the license of ${uid}`),
    authors: r.list(m.get('authors'), 'authors').map((a) => {
      const am = r.map(a, 'an author', ['name', 'email']);
      return { name: r.string(am.get('name'), 'an author name') ?? '', email: r.string(am.get('email'), 'an author email') };
    }),
    tags: r.stringMap(m.get('tags'), `the tags of ${uid}`),
    docs: { desc: r.string(docs.get('desc'), `the description of ${uid}`) },
    scoringSystem,
    groups: r.list(m.get('groups'), `the groups of ${uid}`).map((g) => readGroup(r, g, inline)),
    props: r.props(m.get('props')),
    at: r.at(node),
  };
}

export interface LoadResult {
  bundle: Bundle;
  diagnostics: Diagnostic[];
  /** Files that could not be read or parsed as YAML; the bundle lacks their content. */
  unreadable: string[];
}

/** Reads bundle texts (file name and content) into one bundle. */
export function loadBundleTexts(files: ReadonlyArray<{ file: string; text: string }>): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const bundle: Bundle = { policies: [], queries: new Map() };
  const unreadable: string[] = [];
  for (const { file, text } of files) {
    const y = readYaml(file, text, diagnostics);
    if (diagnostics.some((d) => d.severity === 'error' && d.at.file === file)) {
      unreadable.push(file);
      continue;
    }
    const r = new Reader(y, diagnostics);
    const root = y.doc.contents;
    if (!root || (isScalar(root) && root.value === null)) {
      diagnostics.push({ severity: 'error', message: 'the file is empty; a bundle has policies and queries', at: { file, line: 1, column: 1 } });
      continue;
    }
    const top = r.map(root, 'the bundle', KNOWN.top);
    const inline: QueryDef[] = [];
    for (const p of r.list(top.get('policies'), 'policies')) {
      const policy = readPolicy(r, p, inline);
      if (!policy) continue;
      if (bundle.policies.some((x) => x.uid === policy.uid)) r.error(p, `the policy uid '${policy.uid}' is defined twice`);
      else bundle.policies.push(policy);
    }
    for (const q of [...r.list(top.get('queries'), 'queries').map((n) => readQuery(r, n)), ...inline]) {
      if (!q) continue;
      const earlier = bundle.queries.get(q.uid);
      if (earlier) {
        diagnostics.push({ severity: 'error', message: `the query uid '${q.uid}' is defined twice (first at ${earlier.at.file}:${earlier.at.line})`, at: q.at });
      } else bundle.queries.set(q.uid, q);
    }
  }
  return { bundle, diagnostics, unreadable };
}

/** Adds lint's findings, unless a file could not be parsed (its checks would look undefined to the rest). */
function withLint(loaded: LoadResult): LoadResult {
  if (loaded.unreadable.length) return loaded;
  return { ...loaded, diagnostics: sortDiagnostics([...loaded.diagnostics, ...lintBundle(loaded.bundle)]) };
}

/** Loads and lints bundle files: every problem of every file. */
export function checkBundleFiles(paths: readonly string[]): LoadResult {
  return withLint(loadBundleFiles(paths));
}

/** As checkBundleFiles, for texts read elsewhere (fetched by URL, or as they are on a git ref). */
export function checkBundleTexts(files: ReadonlyArray<{ file: string; text: string }>): LoadResult {
  return withLint(loadBundleTexts(files));
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => a.at.file.localeCompare(b.at.file) || a.at.line - b.at.line || a.at.column - b.at.column);
}

export function loadBundleFiles(paths: readonly string[]): LoadResult {
  const files: Array<{ file: string; text: string }> = [];
  const diagnostics: Diagnostic[] = [];
  const unreadable: string[] = [];
  for (const file of paths) {
    try {
      files.push({ file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      unreadable.push(file);
      diagnostics.push({ severity: 'error', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, at: { file, line: 1, column: 1 } });
    }
  }
  const result = loadBundleTexts(files);
  return { bundle: result.bundle, diagnostics: [...diagnostics, ...result.diagnostics], unreadable: [...unreadable, ...result.unreadable] };
}
