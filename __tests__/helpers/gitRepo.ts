// A throwaway git repository for tests: files written and committed on branches.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface GitRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes files (path → text; null removes) and commits them. */
  commit(message: string, files: Record<string, string | null>): void;
  remove(): void;
}

export function gitRepo(dir: string = mkdtempSync(join(tmpdir(), 'okta-posture-git-'))): GitRepo {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  mkdirSync(dir, { recursive: true });
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  return {
    dir,
    git,
    commit(message, files) {
      for (const [path, text] of Object.entries(files)) {
        if (text === null) git('rm', '--quiet', '--', path);
        else {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), text);
          git('add', '--', path);
        }
      }
      git('commit', '--quiet', '--allow-empty', '-m', message);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
