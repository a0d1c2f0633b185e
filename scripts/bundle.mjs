// Builds dist/ with ncc: the action (dist/index.js) and the CLI (dist/cli/index.js).
// dist/ is committed; .ci/run checks that it equals a fresh build of the sources.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';

const ncc = (entry, out) =>
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    stdio: 'inherit',
  });

rmSync('dist', { recursive: true, force: true });
ncc('src/index.ts', 'dist');
ncc('src/cli.ts', 'dist/cli');
chmodSync('dist/cli/index.js', 0o755);
