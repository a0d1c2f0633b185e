// The policy bundles as they are on a git ref (a pull request's base), read with git, and their
// evaluation over data already fetched for the head scan, for comparing the two.
//
// git runs through execFile (no shell); a ref is checked to name a commit before it is used, and
// one starting with `-` is refused so it cannot pass as an option. `actions/checkout` fetches
// only the pull request's merge commit (depth 1), so the base branch is usually absent: `auto`
// fetches it itself (one shallow fetch), or the workflow checks out with `fetch-depth: 0`.
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { buildReport, type Report } from '../report/report.js';
import { scan, type ScanOptions } from '../scan.js';

export interface BundleText {
  file: string;
  text: string;
}

export interface BundlesAtRef {
  /** Each bundle file on the ref, named `<ref>:<path from the repository root>`. */
  files: BundleText[];
  /** The paths given that hold no bundle file on the ref: new bundles, whose checks are all added. */
  missing: string[];
}

export class BaseRefError extends Error {
  override name = 'BaseRefError';
}

const BUNDLE_FILE = /\.mql\.ya?ml$/;
const GIT_TIMEOUT_MS = 120_000;

/** Runs git with arguments (never through a shell); rejects with git's own message. */
function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((done, fail) => {
    const options = { cwd, encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024, timeout: GIT_TIMEOUT_MS, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } };
    execFile('git', args, options, (error, stdout, stderr) => {
      if (!error) return done(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail(new BaseRefError('git is not installed (or not on the PATH)'));
      const said = stderr.trim().split('\n').filter(Boolean).at(-1);
      fail(new BaseRefError(said ?? `git ${args[0]} failed with exit code ${String(error.code ?? error.signal)}`));
    });
  });
}

function refuseOptionLike(ref: string): void {
  if (ref === '' || ref.startsWith('-')) throw new BaseRefError(`'${ref}' is not a git ref to compare with: a ref may not be empty or start with '-'`);
}

/** The commit a ref names; a clear error when it names none here. */
async function commitOf(cwd: string, ref: string): Promise<string> {
  refuseOptionLike(ref);
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch (error) {
    const why = (error as Error).message;
    const gitSaid = /exit code/.test(why) ? '' : ` (git: ${why})`;
    throw new BaseRefError(`the git ref '${ref}' names no commit in ${cwd}${gitSaid}; fetch it first, or check out with fetch-depth: 0`);
  }
}

/** A path the user gave (relative to cwd, or absolute), as a path from the repository root. */
function repoPath(top: string, cwd: string, path: string): string {
  const full = resolve(cwd, path);
  let real = full;
  try {
    real = realpathSync(full); // git names the root by its real path; so must we
  } catch {
    // Not in the working tree: taken as written.
  }
  const rel = relative(top, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new BaseRefError(`the policy bundle '${path}' is outside the git repository ${top}`);
  return rel.split(sep).join('/');
}

/** A file under a named directory that the working-tree walk would also take. */
function isBundleUnder(file: string, dir: string): boolean {
  const inner = dir === '' ? file : file.slice(dir.length + 1);
  return BUNDLE_FILE.test(file) && !inner.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
}

/**
 * The bundle files as they are on `ref`: each path is a file or a directory (every `.mql.yaml`
 * or `.mql.yml` under it), relative to `cwd` or absolute inside the repository.
 */
export async function readBundlesAtRef(cwd: string, ref: string, paths: readonly string[]): Promise<BundlesAtRef> {
  const commit = await commitOf(cwd, ref);
  const top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  const here = realpathSync(cwd);
  const files: BundleText[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const dir = repoPath(top, here, path); // '' for the repository's root
    // One listing serves files and directories: a file lists itself, a directory what is under it.
    const listing = await git(top, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...(dir ? [dir] : [])]);
    const blobs = listing
      .split('\0')
      .map((line) => /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(line))
      .filter((m): m is RegExpExecArray => m !== null && m[1] !== '120000') // files, not links or submodules
      .map(([, , object, name]) => ({ object, name }))
      .filter((e) => e.name === dir || isBundleUnder(e.name, dir));
    if (blobs.length === 0) {
      missing.push(path);
      continue;
    }
    for (const blob of blobs) {
      if (seen.has(blob.name)) continue;
      seen.add(blob.name);
      files.push({ file: `${ref}:${blob.name}`, text: await git(top, ['cat-file', 'blob', blob.object]) });
    }
  }
  return { files, missing };
}

/**
 * The ref to compare policies with. `off`: none. `auto`: the base branch of a pull request
 * (`origin/<GITHUB_BASE_REF>`, fetched shallowly when it is not here), none outside pull
 * requests. Anything else is a git ref, used as it is.
 */
export async function resolveBaseRef(mode: string, env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<string | undefined> {
  const wanted = mode.trim();
  if (wanted === 'off' || wanted === '') return undefined;
  if (wanted !== 'auto') {
    await commitOf(cwd, wanted);
    return wanted;
  }
  const base = env.GITHUB_BASE_REF?.trim();
  if (!/^pull_request(_target)?$/.test(env.GITHUB_EVENT_NAME ?? '') || !base) return undefined;
  refuseOptionLike(base);
  const ref = `origin/${base}`;
  try {
    await commitOf(cwd, ref);
    return ref;
  } catch {
    // Not fetched (actions/checkout takes only the merge commit): fetch the base's tip.
  }
  try {
    await git(cwd, ['check-ref-format', `refs/heads/${base}`]);
  } catch {
    throw new BaseRefError(`the pull request's base branch '${base}' is not a valid branch name`);
  }
  try {
    await git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', `+refs/heads/${base}:refs/remotes/${ref}`]);
  } catch (error) {
    throw new BaseRefError(
      `could not fetch the base branch '${base}' from origin (git: ${(error as Error).message}); check out with fetch-depth: 0, or set compare-policies to off`,
    );
  }
  await commitOf(cwd, ref);
  return ref;
}

export interface BaseEvaluation {
  ref: string;
  /** The base's report; undefined when none of the bundles exist on the base, or on a problem. */
  report?: Report;
  /** Why the base could not be read or evaluated; the head scan is unaffected. */
  problem?: string;
  /** Paths that hold no bundle on the base. */
  missing: string[];
}

/**
 * Evaluates the bundles as they are on `ref` with the head scan's options (props, policy
 * selection, waivers). Given the head scan's client as `data`, nothing is fetched twice: the
 * client keeps every read, so only a check that exists on the base alone can cost a request.
 * `shared` are bundles outside the repository (fetched by URL, built in), the same on both sides.
 * Never throws for the base's sake: what goes wrong is returned as `problem`.
 */
export async function evaluateAtRef(
  options: Omit<ScanOptions, 'bundleFiles' | 'bundleTexts'> & { cwd: string; ref: string; paths: readonly string[]; shared?: readonly BundleText[] },
): Promise<BaseEvaluation> {
  const { cwd, ref, paths, shared = [], ...scanOptions } = options;
  let read: BundlesAtRef;
  try {
    read = await readBundlesAtRef(cwd, ref, paths);
  } catch (error) {
    return { ref, problem: (error as Error).message, missing: [] };
  }
  if (read.files.length === 0 && shared.length === 0) return { ref, missing: read.missing };
  try {
    return { ref, report: buildReport(await scan({ ...scanOptions, bundleTexts: [...read.files, ...shared] })), missing: read.missing };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return { ref, problem: `the policies on ${ref} could not be evaluated: ${error.message}`, missing: read.missing };
  }
}
