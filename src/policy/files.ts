// Where bundles come from: files, directories and globs the user names (a directory means every
// `.mql.yaml` under it), or the built-in bundle in the package's `policies/` directory.
import { existsSync, globSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUNDLE_FILE = /\.mql\.ya?ml$/;

export class BundlePathError extends Error {
  override name = 'BundlePathError';
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (BUNDLE_FILE.test(entry.name)) out.push(path);
  }
}

const GLOB = /[*?[{]/;

/** Expands globs and directories to the bundle files they name; a named file is taken as it is. */
export function bundleFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    if (GLOB.test(path)) {
      const matches = globSync(path).filter((m) => BUNDLE_FILE.test(m)).sort();
      if (matches.length === 0) throw new BundlePathError(`no .mql.yaml bundle file matches '${path}'`);
      out.push(...matches);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new BundlePathError(`the policy bundle '${path}' does not exist`);
    }
    if (!isDir) {
      out.push(path);
      continue;
    }
    const before = out.length;
    walk(path, out);
    if (out.length === before) throw new BundlePathError(`the directory '${path}' holds no .mql.yaml bundle files`);
  }
  return [...new Set(out)];
}

/** The built-in bundle's directory: `policies/` at the package root, found from this module. */
export function builtInPolicyDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'policies');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new BundlePathError(`the built-in policies were not found above ${from}`);
  }
}
