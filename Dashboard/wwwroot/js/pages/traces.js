// Traces: newest first, filtered by resource, span name, minimum duration and errors; a row opens the waterfall.
import { getJson } from '../api.js';
import { h, throttle } from '../dom.js';
import { dateTime, duration, serviceColor, shortId, time } from '../format.js';
import { readQuery, resourceSelect, writeQuery } from './filters.js';

const pageSize = 50;

export function mount(view, { query }) {
  const state = readQuery(query, ['resource', 'name', 'minDurationMs', 'errorsOnly']);
  let offset = 0;
  const body = h('tbody');
  const count = h('span', { class: 'muted' });
  const newer = h('button', { onclick: () => { offset = Math.max(0, offset - pageSize); load(); } }, 'Newer');
  const older = h('button', { onclick: () => { offset += pageSize; load(); } }, 'Older');
  const resourceSlot = h('span');
  const changed = () => { offset = 0; writeQuery('/traces', state); load(); };

  view.append(
    h('h1', {}, 'Traces'),
    h('div', { class: 'filters' },
      h('label', {}, 'Resource', resourceSlot),
      h('label', {}, 'Span name', h('input', { name: 'name', value: state.name, placeholder: 'contains', oninput: e => { state.name = e.target.value.trim(); changed(); } })),
      h('label', {}, 'Minimum duration (ms)', h('input', { name: 'minDurationMs', type: 'number', min: 0, value: state.minDurationMs, style: 'width:9em', oninput: e => { state.minDurationMs = e.target.value; changed(); } })),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'errorsOnly', checked: state.errorsOnly === 'true', onchange: e => { state.errorsOnly = e.target.checked ? 'true' : ''; changed(); } }), 'Errors only'),
      count, newer, older),
    h('table', { class: 'grid', id: 'traces' },
      h('thead', {}, h('tr', {}, ['Time', 'Name', 'Services', 'Spans', 'Duration', 'Errors', 'Trace'].map(c => h('th', {}, c)))), body));

  resourceSelect(state.resource, e => { state.resource = e.target.value; changed(); }).then(s => resourceSlot.replaceChildren(s));

  async function load() {
    const page = await getJson('/api/traces', { ...state, offset, limit: pageSize });
    if (!page) return;
    const longest = Math.max(1, ...page.items.map(t => t.durationMs));
    count.textContent = `${page.total} traces`;
    newer.disabled = offset === 0;
    older.disabled = offset + page.items.length >= page.total;
    body.replaceChildren(...page.items.map(t => {
      return h('tr', { class: 'clickable', 'data-trace-id': t.traceId, onclick: e => e.currentTarget.querySelector('a').click() },
        h('td', { class: 'mono', title: dateTime(t.start) }, time(t.start)),
        h('td', {}, h('a', { href: `/traces/${t.traceId}`, onclick: e => e.stopPropagation() }, `${t.rootService}: ${t.name}`)),
        h('td', {}, t.services.map(s => h('span', { class: 'chip', style: `--chip:${serviceColor(s)}` }, s))),
        h('td', { class: 'num' }, t.spanCount),
        h('td', { class: 'num', style: 'min-width:160px' },
          h('div', { class: 'bar' }, h('div', { style: `width:${Math.max(1, t.durationMs / longest * 100)}%` })), duration(t.durationMs)),
        h('td', { class: 'num' }, t.errorCount ? h('span', { class: 'badge error' }, t.errorCount) : ''),
        h('td', { class: 'mono' }, shortId(t.traceId)));
    }));
    if (page.items.length === 0) body.append(h('tr', {}, h('td', { colspan: 7, class: 'empty' }, 'No traces match.')));
  }

  load();
  const refresh = throttle(load, 1000);
  return { onChange(kinds) { if (kinds.includes('traces') && offset === 0) refresh(); } };
}
