// Reading policy bundles as they are on a git ref, and choosing that ref, in git repositories
// made by the tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundlesAtRef, resolveBaseRef } from '../../src/policy/baseRef.js';
import { gitRepo, type GitRepo } from '../helpers/gitRepo.js';

describe('readBundlesAtRef', () => {
  let repo: GitRepo;
  let mainSha: string;
  beforeAll(() => {
    repo = gitRepo();
    repo.commit('bundles', {
      'policies/a.mql.yaml': 'a on main\n',
      'policies/sub/b.mql.yml': 'b on main\n',
      'policies/.hidden/c.mql.yaml': 'hidden\n',
      'policies/README.md': 'not a bundle\n',
      'extra.mql.yaml': 'extra on main\n',
    });
    mainSha = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.commit('change', { 'policies/a.mql.yaml': 'a on feature\n', 'policies/new.mql.yaml': 'new\n', 'added/n.mql.yaml': 'n\n' });
  });
  afterAll(() => repo.remove());

  it('reads files and directories as they are on the ref, named <ref>:<path>', async () => {
    const { files, missing } = await readBundlesAtRef(repo.dir, 'main', ['policies', 'extra.mql.yaml']);
    expect(files).toEqual([
      { file: 'main:policies/a.mql.yaml', text: 'a on main\n' },
      { file: 'main:policies/sub/b.mql.yml', text: 'b on main\n' },
      { file: 'main:extra.mql.yaml', text: 'extra on main\n' },
    ]);
    expect(missing).toEqual([]);
  });

  it('takes absolute paths inside the repository, paths relative to a subdirectory, and commit ids', async () => {
    const absolute = await readBundlesAtRef(repo.dir, mainSha, [join(repo.dir, 'extra.mql.yaml'), 'policies/a.mql.yaml', 'policies/a.mql.yaml']);
    expect(absolute.files.map((f) => f.file)).toEqual([`${mainSha}:extra.mql.yaml`, `${mainSha}:policies/a.mql.yaml`]);
    const fromSub = await readBundlesAtRef(join(repo.dir, 'policies'), 'main', ['a.mql.yaml', 'sub']);
    expect(fromSub.files.map((f) => f.text)).toEqual(['a on main\n', 'b on main\n']);
  });

  it('reports paths with no bundle on the ref as missing: new bundles', async () => {
    const { files, missing } = await readBundlesAtRef(repo.dir, 'main', ['policies/new.mql.yaml', 'added', 'policies/a.mql.yaml']);
    expect(missing).toEqual(['policies/new.mql.yaml', 'added']);
    expect(files.map((f) => f.file)).toEqual(['main:policies/a.mql.yaml']);
  });

  it('names a ref that does not exist', async () => {
    await expect(readBundlesAtRef(repo.dir, 'origin/nope', ['policies'])).rejects.toThrow(/the git ref 'origin\/nope' names no commit .*fetch-depth: 0/);
  });

  it('refuses a ref that looks like an option, without running it', async () => {
    const out = join(tmpdir(), `okta-posture-option-${process.pid}`);
    await expect(readBundlesAtRef(repo.dir, `--output=${out}`, ['policies'])).rejects.toThrow(/start with '-'/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a path outside the repository', async () => {
    await expect(readBundlesAtRef(repo.dir, 'main', ['../elsewhere.mql.yaml'])).rejects.toThrow(/outside the git repository/);
  });

  it("passes on git's message outside a repository", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okta-posture-nogit-'));
    try {
      await expect(readBundlesAtRef(dir, 'main', ['x.mql.yaml'])).rejects.toThrow(/the git ref 'main' names no commit .*\(git: fatal: not a git repository/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('resolveBaseRef', () => {
  let origin: GitRepo;
  let clone: string;
  let mainSha: string;
  const pr = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' };
  beforeAll(() => {
    origin = gitRepo();
    origin.commit('main', { 'p.mql.yaml': 'main\n' });
    mainSha = origin.git('rev-parse', 'HEAD').trim();
    origin.git('checkout', '--quiet', '-b', 'feature');
    origin.commit('feature', { 'p.mql.yaml': 'feature\n' });
    // As actions/checkout leaves it: one branch, depth 1, no origin/main.
    clone = mkdtempSync(join(tmpdir(), 'okta-posture-clone-'));
    execFileSync('git', ['clone', '--quiet', '--depth=1', '--branch', 'feature', `file://${origin.dir}`, clone]);
  });
  afterAll(() => {
    origin.remove();
    rmSync(clone, { recursive: true, force: true });
  });

  it('is off when asked, and outside pull requests in auto mode', async () => {
    expect(await resolveBaseRef('off', pr, origin.dir)).toBeUndefined();
    expect(await resolveBaseRef('auto', { GITHUB_EVENT_NAME: 'push' }, origin.dir)).toBeUndefined();
    expect(await resolveBaseRef('auto', { GITHUB_EVENT_NAME: 'pull_request' }, origin.dir)).toBeUndefined();
  });

  it('takes any other value as a git ref, checked', async () => {
    expect(await resolveBaseRef('main', {}, origin.dir)).toBe('main');
    await expect(resolveBaseRef('release', {}, origin.dir)).rejects.toThrow(/the git ref 'release' names no commit/);
    await expect(resolveBaseRef('-c', {}, origin.dir)).rejects.toThrow(/start with '-'/);
  });

  it("fetches a pull request's base branch that the checkout left out", async () => {
    expect(() => execFileSync('git', ['rev-parse', '--verify', '--quiet', 'origin/main'], { cwd: clone, stdio: 'ignore' })).toThrow();
    expect(await resolveBaseRef('auto', pr, clone)).toBe('origin/main');
    expect(execFileSync('git', ['rev-parse', 'origin/main'], { cwd: clone, encoding: 'utf8' }).trim()).toBe(mainSha);
    const { files } = await readBundlesAtRef(clone, 'origin/main', ['p.mql.yaml']);
    expect(files).toEqual([{ file: 'origin/main:p.mql.yaml', text: 'main\n' }]);
    // Present now: used without fetching again.
    expect(await resolveBaseRef('auto', pr, clone)).toBe('origin/main');
  });

  it('says plainly when the base cannot be fetched, or is no branch name', async () => {
    await expect(resolveBaseRef('auto', pr, origin.dir)).rejects.toThrow(/could not fetch the base branch 'main' from origin \(git: .+\); check out with fetch-depth: 0/);
    await expect(resolveBaseRef('auto', { ...pr, GITHUB_BASE_REF: 'main..x' }, clone)).rejects.toThrow(/'main\.\.x' is not a valid branch name/);
    await expect(resolveBaseRef('auto', { ...pr, GITHUB_BASE_REF: '--upload-pack=x' }, clone)).rejects.toThrow(/start with '-'/);
  });
});
