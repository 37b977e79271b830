// Console logs: what the resources' processes print, one resource or all of them, live.
import { getJson } from '../api.js';
import { h, select } from '../dom.js';
import { time } from '../format.js';

const maxLines = 5000;

export function mount(view, { query }) {
  let resource = query.get('resource') ?? '';
  let source = null;
  const last = new Map();
  const pre = h('pre', { class: 'console', id: 'console' });
  const picker = h('span');
  view.append(h('h1', {}, 'Console logs'), h('div', { class: 'filters' }, h('label', {}, 'Resource', picker)), pre);

  async function fillPicker() {
    const list = await getJson('/api/resources') ?? [];
    picker.replaceChildren(select('resource', [['', 'All resources'], ...list.map(r => [r.name, r.name])], resource, e => {
      resource = e.target.value;
      history.replaceState(null, '', resource ? `/console?resource=${encodeURIComponent(resource)}` : '/console');
      start();
    }));
  }

  function add(line) {
    if (line.sequence <= (last.get(line.resource) ?? 0)) return;
    last.set(line.resource, line.sequence);
    const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 20;
    pre.append(h('div', { class: line.isError ? 'line err' : 'line' },
      h('span', { class: 'ts' }, time(line.timestamp)),
      resource ? null : h('span', { class: 'res' }, line.resource),
      line.text));
    while (pre.childElementCount > maxLines) pre.firstElementChild.remove();
    if (atBottom) pre.scrollTop = pre.scrollHeight;
  }

  async function start() {
    source?.close();
    last.clear();
    pre.replaceChildren();
    source = new EventSource('/api/console/stream' + (resource ? `?resource=${encodeURIComponent(resource)}` : ''));
    source.addEventListener('line', e => add(JSON.parse(e.data)));
    const recent = await getJson('/api/console', { resource }) ?? [];
    recent.forEach(add);
    if (pre.childElementCount === 0) pre.append(h('div', { class: 'muted' }, 'No output yet.'));
  }

  fillPicker();
  start();
  return {
    onChange(kinds) { if (kinds.includes('resources')) fillPicker(); },
    dispose() { source?.close(); },
  };
}
