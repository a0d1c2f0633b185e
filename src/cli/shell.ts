// `okta-posture shell`: explore an org interactively with MQL, like `cnspec shell okta`. History,
// multi-line input while brackets are open, Tab completion from the schema, `help`, `exit`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { MqlError } from '../mql/errors.js';
import { runQuery } from '../query.js';
import { orgEnvironment } from '../resources/environment.js';
import { complete } from '../shell/completion.js';
import { helpText } from '../shell/help.js';
import { isComplete } from '../shell/input.js';
import { parseCommandArgs } from './args.js';
import { connect, CONNECTION_HELP, CONNECTION_OPTIONS, parseProps } from './connect.js';
import { ProgressLine } from './progress.js';

export const SHELL_HELP = `Usage: okta-posture shell [options]

Explore an Okta org interactively with MQL ('help' inside the shell lists what there is).

Options:
  --history FILE          where to keep the history (default ~/.okta-posture/history)
${CONNECTION_HELP}`;

const PROMPT = 'okta-posture> ';
const CONTINUE = '           .. ';

function loadHistory(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 500);
  } catch {
    return [];
  }
}

export async function shellCommand(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv = process.env,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...CONNECTION_OPTIONS, history: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    out.write(SHELL_HELP);
    return 0;
  }
  const progress = new ProgressLine(err as NodeJS.WriteStream);
  const connection = connect(values, env, progress.update);
  if (connection.notice) err.write(`${connection.notice}\n`);
  const environment = orgEnvironment({ data: connection.client, host: connection.host, props: parseProps(values.props as string[] | undefined) });
  const interactive = (input as NodeJS.ReadStream).isTTY === true;
  const historyFile = (values.history as string | undefined) ?? join(homedir(), '.okta-posture', 'history');
  const rl = createInterface({
    input,
    output: interactive ? out : undefined,
    terminal: interactive,
    completer: complete,
    history: interactive ? loadHistory(historyFile) : [],
    historySize: 500,
  });
  if (interactive) {
    out.write(`Connected to ${connection.host}. Type 'help' to see what is there, 'exit' to leave.\n`);
    rl.setPrompt(PROMPT);
    rl.prompt();
  }

  let buffer = '';
  let failed = false;
  const history: string[] = [];
  const handle = async (statement: string): Promise<boolean> => {
    const trimmed = statement.trim();
    if (!trimmed) return true;
    if (trimmed === 'exit' || trimmed === 'quit') return false;
    if (trimmed === 'help' || trimmed.startsWith('help ')) {
      out.write(`${helpText(trimmed.slice(5).trim() || undefined)}\n`);
      return true;
    }
    history.push(trimmed.replace(/\n/g, ' '));
    try {
      const result = await runQuery(trimmed, environment);
      progress.clear();
      out.write(`${result.text}\n`);
      if (result.failed || result.broken) failed = true;
    } catch (error) {
      progress.clear();
      if (!(error instanceof MqlError)) throw error;
      err.write(`${error.render(trimmed, 'shell')}\n`);
      failed = true;
    }
    return true;
  };

  // Lines are handled one at a time, in order, even when they arrive faster than queries run.
  let queue: Promise<boolean> = Promise.resolve(true);
  await new Promise<void>((resolve, reject) => {
    rl.on('line', (line) => {
      queue = queue.then(async (goOn) => {
        if (!goOn) return false;
        buffer = buffer ? `${buffer}\n${line}` : line;
        if (!isComplete(buffer)) {
          if (interactive) {
            rl.setPrompt(CONTINUE);
            rl.prompt();
          }
          return true;
        }
        const statement = buffer;
        buffer = '';
        const keepGoing = await handle(statement);
        if (!keepGoing) rl.close();
        else if (interactive) {
          rl.setPrompt(PROMPT);
          rl.prompt();
        }
        return keepGoing;
      });
      queue.catch(reject);
    });
    rl.on('close', () => {
      queue.then(() => resolve(), reject);
    });
  });
  if (buffer.trim()) await handle(buffer);
  if (interactive && history.length) {
    try {
      mkdirSync(dirname(historyFile), { recursive: true });
      writeFileSync(historyFile, [...loadHistory(historyFile).reverse(), ...history].slice(-500).join('\n') + '\n', { mode: 0o600 });
    } catch {
      // History is a convenience; a read-only home must not fail the session.
    }
  }
  await connection.client.close();
  return interactive ? 0 : failed ? 1 : 0;
}
