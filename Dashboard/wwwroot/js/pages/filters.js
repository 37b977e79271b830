// Filter bars shared by the logs and traces pages: state lives in the URL's query, so a view can be linked.
import { getJson } from '../api.js';
import { select } from '../dom.js';

export function readQuery(query, names) {
  return Object.fromEntries(names.map(n => [n, query.get(n) ?? '']));
}

export function writeQuery(path, state) {
  const q = new URLSearchParams(Object.entries(state).filter(([, v]) => v !== '' && v !== false && v != null));
  history.replaceState(null, '', q.size ? `${path}?${q}` : path);
}

// A select of the resources that sent telemetry: each service, and each instance when a service has several.
export async function resourceSelect(value, onchange) {
  const list = await getJson('/api/telemetry/resources') ?? [];
  const options = [['', 'All resources']];
  for (const service of [...new Set(list.map(r => r.serviceName))].sort()) {
    options.push([service, service]);
    const instances = list.filter(r => r.serviceName === service && r.instanceId);
    if (instances.length > 1) instances.forEach(r => options.push([r.id, `  ${r.id}`]));
  }
  if (value && !options.some(([v]) => v === value)) options.push([value, value]);
  return select('resource', options, value, onchange);
}
