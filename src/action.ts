// The GitHub Action: read and check the inputs, mask every credential, scan, then write SARIF and
// JSON, the job summary, annotations, outputs and the pull-request comment, and only then fail the
// step: exit 1 when the risk reaches the threshold (or a check errored, with fail-on-error),
// exit 2 when the scan could not run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { InputError, readInputs, type ActionInputs } from './action/inputs.js';
import { annotate } from './action/annotations.js';
import { commentOnPullRequest } from './action/comment.js';
import { lintOnly } from './action/lintOnly.js';
import { workflowAnchor } from './action/workflow.js';
import { assess, CouldNotScanError, type Assessment } from './assess.js';
import { OktaClient, type Progress } from './okta/client.js';
import { credentialsGiven, CredentialsError, resolveCredentials, type CredentialInput } from './okta/credentials.js';
import { OrgDomainError, parseOrganization } from './okta/orgDomain.js';
import { BaseRefError, resolveBaseRef } from './policy/baseRef.js';
import { SelectionError } from './policy/execute.js';
import { BundlePathError } from './policy/files.js';
import { PropsError } from './policy/props.js';
import { BundleFetchError } from './policy/remote.js';
import { Redactor } from './redact.js';
import { comparisonLine, comparisonMarkdown } from './report/compare.js';
import { consoleReport } from './report/console.js';
import { mdFence } from './report/escape.js';
import type { Report } from './report/report.js';
import { anchorFor, buildSarif } from './report/sarif.js';
import { buildSummary } from './report/summary.js';
import { BundleError } from './scan.js';

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** Failures that mean the scan could not run. */
const COULD_NOT_SCAN = [InputError, OrgDomainError, CredentialsError, BundleError, PropsError, SelectionError, BundleFetchError, BundlePathError, CouldNotScanError, BaseRefError];

/** Registers every credential with the runner, so it is masked in all later log lines. */
function maskInputs(inputs: Pick<ActionInputs, 'token' | 'privateKey' | 'githubToken'>): Redactor {
  const redactor = new Redactor((secret) => core.setSecret(secret));
  // The runner masks line by line, so a multi-line key is registered line by line as well.
  const keyLines = (inputs.privateKey ?? '').split(/\r?\n/).map((l) => l.trim());
  redactor.add(inputs.token, inputs.githubToken, ...keyLines.filter((l) => !/^-----(BEGIN|END) /.test(l)));
  return redactor;
}

function credentialInput(inputs: ActionInputs): CredentialInput {
  return { token: inputs.token, clientId: inputs.clientId, privateKey: inputs.privateKey, privateKeyId: inputs.privateKeyId, scopes: inputs.scopes };
}

function outputPath(given: string | undefined, fallback: string, env: NodeJS.ProcessEnv): string {
  if (given) return resolve(env.GITHUB_WORKSPACE ?? process.cwd(), given);
  return join(env.RUNNER_TEMP ?? process.cwd(), 'okta-posture', fallback);
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function setOutputs(report: Report, exceeded: boolean, files: { sarif: string; json: string }): void {
  core.setOutput('risk-score', report.riskScore === null ? '' : String(report.riskScore));
  core.setOutput('rating', report.rating);
  core.setOutput('passed', String(report.counts.pass));
  core.setOutput('failed', String(report.counts.fail));
  core.setOutput('errors', String(report.counts.error));
  core.setOutput('skipped', String(report.counts.skip));
  core.setOutput('waived', String(report.counts.waived));
  core.setOutput('threshold-exceeded', String(exceeded));
  core.setOutput('sarif-file', files.sarif);
  core.setOutput('json-file', files.json);
}

async function writeSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}

/** Logs reading progress as lines: one per resource when it is complete. */
function progressLogger(): (p: Progress) => void {
  return (p) => {
    if (p.done) core.info(`read ${p.resource}: ${p.items} item${p.items === 1 ? '' : 's'} in ${p.pages} page${p.pages === 1 ? '' : 's'}`);
  };
}

/** Runs the action and returns the process's exit code. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let redactor = new Redactor();
  try {
    const inputs = readInputs((name) => core.getInput(name));
    redactor = maskInputs(inputs);
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const isPullRequest = PULL_REQUEST_EVENTS.has(github.context.eventName);

    if (!credentialsGiven(credentialInput(inputs), env) && isPullRequest) {
      const markdown = lintOnly(inputs.policies, workspace);
      core.warning('No Okta credentials: the scan was skipped (pull requests from forks get no secrets). The policy bundles were linted.');
      if (inputs.summary) await writeSummary(markdown.summary);
      return markdown.errors > 0 ? 1 : 0;
    }

    const target = parseOrganization(inputs.organization, { allowCustomDomain: inputs.allowCustomDomain });
    if (target.notice) core.notice(target.notice);
    const client = new OktaClient({
      target,
      credentials: resolveCredentials(credentialInput(inputs), env),
      maxConcurrency: inputs.maxConcurrency,
      deadline: Date.now() + inputs.timeoutMinutes * 60_000,
      redactor,
      onProgress: progressLogger(),
    });
    let assessment: Assessment;
    try {
      const compareRef = isPullRequest || inputs.compare.kind === 'ref' ? await compareRefOf(inputs, env, workspace) : undefined;
      assessment = await core.group('Reading Okta and evaluating the policies', () =>
        assess({
          client,
          host: new URL(target.origin).host,
          sources: inputs.policies,
          cwd: workspace,
          policyUids: inputs.policyUids,
          props: inputs.props,
          waiverFile: inputs.waivers ? resolve(workspace, inputs.waivers) : undefined,
          compareRef,
        }),
      );
    } finally {
      await client.close();
    }
    return await report(assessment, inputs, env, workspace);
  } catch (error) {
    if (!COULD_NOT_SCAN.some((kind) => error instanceof kind)) throw error;
    const message = redactor.redact((error as Error).message);
    core.setFailed(`okta-posture could not scan: ${message}`);
    await writeSummary(`## okta-posture could not scan\n\n${mdFence(message)}\n`);
    return 2;
  }
}

async function compareRefOf(inputs: ActionInputs, env: NodeJS.ProcessEnv, workspace: string): Promise<string | undefined> {
  const mode = inputs.compare.kind === 'ref' ? inputs.compare.ref : inputs.compare.kind;
  try {
    return await resolveBaseRef(mode, env, workspace);
  } catch (error) {
    // The comparison is extra information: without the base, the scan still gates the change.
    core.warning(`The policies were not compared with the base branch: ${(error as Error).message}`);
    return undefined;
  }
}

async function report(assessment: Assessment, inputs: ActionInputs, env: NodeJS.ProcessEnv, workspace: string): Promise<number> {
  const { report: result, comparison } = assessment;
  const files = { sarif: outputPath(inputs.sarifFile, 'okta-posture.sarif', env), json: outputPath(inputs.jsonFile, 'okta-posture.json', env) };
  const anchors = { repoRoot: workspace, ...workflowAnchor(env, workspace) };
  write(files.sarif, `${JSON.stringify(buildSarif(result, { anchor: (check) => anchorFor(check, anchors) }), null, 2)}\n`);
  write(files.json, `${JSON.stringify(result, null, 2)}\n`);
  core.startGroup(`okta-posture: risk ${result.riskScore ?? 'unscored'} (${result.rating}); ${result.counts.fail} failed, ${result.counts.pass} passed, ${result.counts.error} errors`);
  core.info(consoleReport(result));
  core.endGroup();
  if (comparison) core.info(comparisonLine(comparison));

  const summary = buildSummary(result, {
    comparison: comparison ? comparisonMarkdown(comparison) : undefined,
    filesNote: `The full results are in \`${files.json}\` (JSON) and \`${files.sarif}\` (SARIF).`,
  });
  if (inputs.summary) await writeSummary(summary);
  if (inputs.annotations) annotate(result, anchors);

  const exceeded = inputs.riskThreshold !== undefined && result.riskScore !== null && result.riskScore >= inputs.riskThreshold;
  setOutputs(result, exceeded, files);
  if (inputs.prComment && github.context.payload.pull_request && inputs.githubToken) {
    await commentOnPullRequest(inputs.githubToken, result, comparison);
  }

  if (exceeded) {
    core.setFailed(`The org's risk is ${result.riskScore} (${result.rating}), at or above the threshold ${inputs.riskThreshold}: ${result.counts.fail} checks failed.`);
    return 1;
  }
  if (inputs.failOnError && result.counts.error > 0) {
    core.setFailed(`${result.counts.error} check${result.counts.error === 1 ? '' : 's'} could not be evaluated, so the org was not fully assessed (see the summary for the role or scope each needs; set fail-on-error: false to accept this).`);
    return 1;
  }
  return 0;
}
