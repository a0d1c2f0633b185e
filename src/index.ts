// Entry point of the GitHub Action (dist/index.js): runs it and exits with its code.
import * as core from '@actions/core';
import { run } from './action.js';

try {
  process.exitCode = await run();
} catch (error) {
  core.setFailed(`okta-posture failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
