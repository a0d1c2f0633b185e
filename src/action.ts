// The GitHub Action's orchestration. Scanning arrives with the action issue (#6); until then the
// action stops with a clear message rather than pretending to have checked anything.
import * as core from '@actions/core';

export async function run(): Promise<void> {
  core.setFailed('okta-posture: this version does not scan yet; use a released version of the action.');
}
