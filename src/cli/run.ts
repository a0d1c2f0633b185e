// `okta-posture run '<query>'`: runs one MQL query against an org and prints the result as the
// cnspec shell does (or as JSON). Exit 0 when every assertion holds, 1 when one fails, 2 when the
// query or the connection is wrong.
import { MqlError } from '../mql/errors.js';
import { runQuery } from '../query.js';
import { orgEnvironment } from '../resources/environment.js';
import { parseCommandArgs, UsageError } from './args.js';
import { connect, CONNECTION_HELP, CONNECTION_OPTIONS, parseProps } from './connect.js';
import { ProgressLine } from './progress.js';

export const RUN_HELP = `Usage: okta-posture run [options] '<query>'

Run an MQL query against an Okta org, for example:
  okta-posture run -o dev-123456.okta.com 'okta.organization.threatInsightSettings.action == "block"'

Options:
  --json                  print the result as JSON
${CONNECTION_HELP}`;

export async function runCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...CONNECTION_OPTIONS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    out.write(RUN_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("give exactly one query, in quotes: okta-posture run -o ORG 'okta.users.length'");
  const query = positionals[0]!;
  const progress = new ProgressLine(err as NodeJS.WriteStream);
  const connection = connect(values, env, progress.update);
  if (connection.notice) err.write(`${connection.notice}\n`);
  try {
    const environment = orgEnvironment({ data: connection.client, host: connection.host, props: parseProps(values.props as string[] | undefined) });
    const result = await runQuery(query, environment);
    progress.clear();
    out.write(values.json ? `${JSON.stringify(result.json, null, 2)}\n` : `${result.text}\n`);
    return result.broken ? 2 : result.failed ? 1 : 0;
  } catch (error) {
    progress.clear();
    if (error instanceof MqlError) {
      err.write(`${error.render(query)}\n`);
      return 2;
    }
    throw error;
  } finally {
    await connection.client.close();
  }
}
