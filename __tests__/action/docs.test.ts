// The README's action reference is generated from action.yml and the endpoint catalogue, and every
// input action.yml declares is one the action reads (and the other way round).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderActionReference } from '../../src/action/docs.js';
import { readInputs } from '../../src/action/inputs.js';
import { ROOT } from '../helpers/cli.js';

const START = '<!-- action-reference:start -->';
const END = '<!-- action-reference:end -->';

describe('the action reference', () => {
  const actionYaml = readFileSync(join(ROOT, 'action.yml'), 'utf8');

  it('in the README matches action.yml and the endpoints', () => {
    const path = join(ROOT, 'README.md');
    const readme = readFileSync(path, 'utf8');
    const fresh = `${START}\n${renderActionReference(actionYaml)}\n${END}`;
    const current = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    if (process.env.UPDATE_ACTION_DOCS === '1') writeFileSync(path, readme.replace(current, fresh));
    expect(current, 'run with UPDATE_ACTION_DOCS=1 to regenerate').toBe(fresh);
  });

  it('declares exactly the inputs the action reads', () => {
    const declared = Object.keys((parse(actionYaml) as { inputs: object }).inputs).sort();
    const read = new Set<string>();
    readInputs((name) => {
      read.add(name);
      return name === 'organization' ? 'acme.okta.com' : '';
    });
    expect([...read].sort()).toEqual(declared);
  });
});
