// Waivers kept in the user's repository: a check (optionally only some of its failing resources)
// accepted for a reason, by an owner, until a date. A waived check does not raise the risk; an
// expired waiver no longer applies and says so; a malformed file is an error.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Location } from './bundle.js';
import type { CheckResult } from './execute.js';
import { locationOf, readYaml } from './yamlSource.js';

export interface Waiver {
  check: string;
  /** Failing resources it covers (names or ids); all of them when absent. */
  resources?: string[];
  reason: string;
  owner?: string;
  /** The last day it applies (UTC), YYYY-MM-DD. */
  expires?: string;
  at: Location;
}

export interface WaiverNote {
  reason: string;
  owner?: string;
  expires?: string;
  /** The waiver ran out: the check is reported as it is. */
  expired: boolean;
  /** Failing resources the waiver does not cover. */
  uncovered?: string[];
  at: Location;
}

const KEYS = ['check', 'resources', 'reason', 'owner', 'expires'];

/** YYYY-MM-DD naming a day that exists (no 30 February). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

export function parseWaivers(file: string, text: string): { waivers: Waiver[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const y = readYaml(file, text, diagnostics);
  const waivers: Waiver[] = [];
  const error = (node: YamlNode | null | undefined, message: string) => diagnostics.push({ severity: 'error', message, at: locationOf(y, node) });
  if (diagnostics.some((d) => d.severity === 'error')) return { waivers, diagnostics };
  const root = y.doc.contents;
  const list = isMap(root) ? root.get('waivers', true) : undefined;
  if (!isMap(root) || !isSeq(list)) {
    error(root, 'a waiver file holds `waivers:`, a list of { check, reason, owner, expires, resources }');
    return { waivers, diagnostics };
  }
  for (const item of list.items as YamlNode[]) {
    if (!isMap(item)) {
      error(item, 'a waiver must be a map with check and reason');
      continue;
    }
    const get = (key: string) => item.get(key, true) as YamlNode | undefined;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!KEYS.includes(key)) error(pair.key as YamlNode, `a waiver has no key '${key}'; it has ${KEYS.join(', ')}`);
    }
    const text = (key: string, required: boolean): string | undefined => {
      const node = get(key);
      if (node === undefined) {
        if (required) error(item, `a waiver needs '${key}'`);
        return undefined;
      }
      if (!isScalar(node) || node.value === null || String(node.value).trim() === '') {
        error(node, `'${key}' must be text`);
        return undefined;
      }
      return String(node.value).trim();
    };
    const check = text('check', true);
    const reason = text('reason', true);
    const owner = text('owner', false);
    let expires = text('expires', false);
    if (expires !== undefined) {
      const node = get('expires');
      const value = isScalar(node) ? node.value : undefined;
      const iso = value instanceof Date ? value.toISOString().slice(0, 10) : expires;
      if (!isCalendarDate(iso)) {
        error(node, `'expires' must be a date written YYYY-MM-DD, not '${expires}'`);
        expires = undefined;
      } else expires = iso;
    }
    let resources: string[] | undefined;
    const res = get('resources');
    if (res !== undefined) {
      if (!isSeq(res) || !(res.items as YamlNode[]).every((r) => isScalar(r) && r.value !== null)) error(res, "'resources' must be a list of resource names or ids");
      else resources = (res.items as YamlNode[]).map((r) => String((r as { value: unknown }).value));
    }
    if (check && reason) waivers.push({ check, reason, owner, expires, resources, at: locationOf(y, item) });
  }
  return { waivers, diagnostics };
}

export function loadWaiverFile(path: string): { waivers: Waiver[]; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { waivers: [], diagnostics: [{ severity: 'error', message: `cannot read the waiver file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, at: { file: path, line: 1, column: 1 } }] };
  }
  return parseWaivers(path, text);
}

/**
 * Applies waivers to results, in place: a covered failing or erroring check becomes `waived`.
 * Returns warnings for waivers that name no check of the scan.
 */
export function applyWaivers(checks: Array<CheckResult & { waiver?: WaiverNote }>, waivers: readonly Waiver[], today: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const w of waivers) {
    const targets = checks.filter((c) => c.uid === w.check || c.variant === w.check);
    if (targets.length === 0) {
      warnings.push({ severity: 'warning', message: `the waiver for '${w.check}' matches no check of this scan`, at: w.at });
      continue;
    }
    const expired = w.expires !== undefined && w.expires < today;
    for (const c of targets) {
      const note: WaiverNote = { reason: w.reason, owner: w.owner, expires: w.expires, expired, at: w.at };
      c.waiver = note;
      if (expired || (c.status !== 'fail' && c.status !== 'error')) continue;
      if (w.resources) {
        if (c.status === 'error') {
          note.uncovered = [];
          continue;
        }
        const covered = (f: { id: string; name: string }) => w.resources!.includes(f.id) || w.resources!.includes(f.name);
        const uncovered = c.failingResources.filter((f) => !covered(f));
        if (uncovered.length) {
          note.uncovered = uncovered.map((f) => f.name);
          c.failingResources = uncovered;
          continue;
        }
      }
      c.status = 'waived';
      c.message = `waived: ${w.reason}`;
    }
  }
  return warnings;
}
