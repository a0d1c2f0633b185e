// The evaluation environment for an Okta org: the `okta` and `asset` globals over the resource
// schema and a data source (the Okta client), with props and the clock.
import type { Environment } from '../mql/evaluator.js';
import type { Value } from '../mql/values.js';
import { ResourceGraph, type DataSource } from './runtime.js';
import { RESOURCE_SPECS } from './schema/index.js';

export interface OrgEnvironmentOptions {
  data: DataSource;
  /** The org's host, for the asset name. */
  host: string;
  props?: Readonly<Record<string, Value>>;
  now?: number;
}

export function orgEnvironment(options: OrgEnvironmentOptions): Environment & { graph: ResourceGraph } {
  const graph = new ResourceGraph(RESOURCE_SPECS, options.data);
  const okta = graph.instance('okta', undefined);
  const asset = graph.instance('asset', {
    name: `Okta Organization ${options.host}`,
    platform: 'okta-org',
    title: 'Okta Organization',
    kind: 'api',
    runtime: 'okta',
    family: ['okta'],
  });
  const globals: Record<string, Value> = { okta, asset };
  return {
    graph,
    global: (name) => globals[name],
    globalNames: () => Object.keys(globals),
    props: options.props ?? {},
    now: options.now ?? Date.now(),
  };
}
