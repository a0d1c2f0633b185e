// Runs the bundled CLI (dist/cli/index.js) as a child process under the Node 24 on PATH.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = resolve(ROOT, 'dist/cli/index.js');

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Finished> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

export interface Served {
  child: ChildProcess;
  env: Record<string, string>;
  stop(): Promise<number | null>;
}

/** Starts a long-running command and resolves once it has printed `lines` KEY=VALUE lines. */
export function serve(command: string, args: string[], lines: number): Promise<Served> {
  return new Promise((resolvePromise, reject) => {
    // Its own process group, so stop() reaches npx's child too, as Ctrl-C in a terminal does.
    const child = spawn(command, args, { cwd: ROOT, env: process.env, detached: true });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no output after 20 s; stderr: ${err}`));
    }, 20_000);
    child.stderr!.on('data', (d) => (err += d));
    child.on('error', reject);
    child.stdout!.on('data', (d) => {
      out += d;
      const found = out.split('\n').filter((l) => /^[A-Z_]+=/.test(l));
      if (found.length >= lines) {
        clearTimeout(timer);
        const env = Object.fromEntries(found.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
        resolvePromise({
          child,
          env,
          stop: () =>
            new Promise((done) => {
              child.once('close', (code) => done(code));
              process.kill(-child.pid!, 'SIGTERM');
            }),
        });
      }
    });
  });
}
