// Structured logs: filter by resource, minimum level, text and trace id; newest first; a row opens its attributes.
import { getJson } from '../api.js';
import { h, keyValues, select, throttle } from '../dom.js';
import { dateTime, level, serviceColor, shortId, time } from '../format.js';
import { readQuery, resourceSelect, writeQuery } from './filters.js';

const levels = ['', 'Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical'];

export function mount(view, { query }) {
  const state = readQuery(query, ['resource', 'severity', 'text', 'traceId']);
  const open = new Set();
  const body = h('tbody');
  const count = h('span', { class: 'muted' });
  const resourceSlot = h('span');
  const changed = () => { writeQuery('/logs', state); load(); };
  const text = (name, placeholder) => h('input', {
    name, value: state[name], placeholder, size: 24, class: name === 'traceId' ? 'mono trace-input' : null,
    oninput: e => { state[name] = e.target.value.trim(); changed(); },
  });

  view.append(
    h('h1', {}, 'Structured logs'),
    h('div', { class: 'filters' },
      h('label', {}, 'Resource', resourceSlot),
      h('label', {}, 'Minimum level', select('severity', levels.map(l => [l, l || 'All levels']), state.severity, e => { state.severity = e.target.value; changed(); })),
      h('label', {}, 'Text', text('text', 'message or attribute')),
      h('label', {}, 'Trace id', text('traceId', '32 hex digits')),
      count),
    h('table', { class: 'grid', id: 'logs' },
      h('thead', {}, h('tr', {}, ['Time', 'Level', 'Resource', 'Message', 'Trace'].map(c => h('th', {}, c)))), body));

  resourceSelect(state.resource, e => { state.resource = e.target.value; changed(); }).then(s => resourceSlot.replaceChildren(s));

  async function load() {
    const page = await getJson('/api/logs', { ...state, limit: 200 });
    if (!page) return;
    count.textContent = page.total > page.items.length ? `${page.items.length} of ${page.total}` : `${page.total} records`;
    body.replaceChildren(...page.items.flatMap(row));
    if (page.items.length === 0) body.append(h('tr', {}, h('td', { colspan: 5, class: 'empty' }, 'No log records match.')));
  }

  function row(e) {
    const main = h('tr', { class: 'clickable', 'data-log-id': e.id, onclick: () => { open.has(e.id) ? open.delete(e.id) : open.add(e.id); load(); } },
      h('td', { class: 'mono', title: dateTime(e.timestamp) }, time(e.timestamp)),
      h('td', {}, h('span', { class: `badge ${level(e.severity)}` }, e.severity)),
      h('td', {}, h('span', { class: 'chip', style: `--chip:${serviceColor(e.resource.serviceName)}` }, e.resource.serviceName)),
      h('td', {}, e.message),
      h('td', { class: 'mono' }, e.traceId ? h('a', { href: `/traces/${e.traceId}`, onclick: ev => ev.stopPropagation() }, shortId(e.traceId)) : ''));
    if (!open.has(e.id)) return [main];
    return [main, h('tr', { class: 'details' }, h('td', { colspan: 5 },
      keyValues({ category: e.scope, 'trace id': e.traceId ?? '', 'span id': e.spanId ?? '', resource: e.resource.id, ...e.attributes })))];
  }

  load();
  const refresh = throttle(load, 1000);
  return { onChange(kinds) { if (kinds.includes('logs')) refresh(); } };
}
