#!/usr/bin/env node
// The okta-posture command line: dispatches to a command and turns failures into exit codes
// (0 done, 1 findings above the threshold, 2 could not run: bad input, credentials, network).
import { UsageError } from './cli/args.js';
import { demoCommand } from './cli/demo.js';
import { lintCommand } from './cli/lint.js';
import { runCommand } from './cli/run.js';
import { scanCommand } from './cli/scan.js';
import { shellCommand } from './cli/shell.js';
import { simulateCommand } from './cli/simulate.js';
import { FixtureError } from './simulator/fixture/format.js';

type Command = (argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream) => Promise<number>;

const COMMANDS: Record<string, { summary: string; run: Command }> = {
  demo: { summary: 'scan a simulated org with the built-in policies', run: demoCommand },
  lint: { summary: 'check policy bundles', run: (argv, out) => lintCommand(argv, out) },
  run: { summary: 'run an MQL query against an org', run: (argv, out, err) => runCommand(argv, out, err) },
  scan: { summary: 'assess an org against policy bundles', run: (argv, out, err) => scanCommand(argv, out, err) },
  shell: { summary: 'explore an org interactively with MQL', run: (argv, out, err) => shellCommand(argv, out, err) },
  simulate: { summary: 'serve a simulated Okta org on loopback', run: simulateCommand },
};

const HELP = `Usage: okta-posture <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
  .join('\n')}

Run 'okta-posture <command> --help' for a command's options.
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`okta-posture: unknown command '${name}'\n\n${HELP}`);
    return 2;
  }
  // cnspec names the platform after the command (`cnspec scan okta …`); the same words work here.
  const args = (name === 'scan' || name === 'shell') && rest[0] === 'okta' ? rest.slice(1) : rest;
  try {
    return await command.run(args, process.stdout, process.stderr);
  } catch (error) {
    if (error instanceof UsageError || error instanceof FixtureError) {
      process.stderr.write(`okta-posture ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`okta-posture: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
