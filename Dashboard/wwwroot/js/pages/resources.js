// Resources: what the AppHost runs, its state and health, with start/stop/restart and the (masked) environment.
import { getJson, post } from '../api.js';
import { h, keyValues } from '../dom.js';
import { uptime } from '../format.js';

const columns = ['Name', 'Type', 'State', 'Health', 'PID', 'URLs', 'Restarts', 'Uptime', ''];

export function mount(view) {
  const body = h('tbody');
  const message = h('div', { class: 'empty', hidden: true }, 'The AppHost has no resources (yet).');
  const open = new Set();
  view.append(
    h('h1', {}, 'Resources'),
    h('table', { class: 'grid', id: 'resources' }, h('thead', {}, h('tr', {}, columns.map(c => h('th', {}, c)))), body),
    message);

  async function load() {
    const list = await getJson('/api/resources') ?? [];
    message.hidden = list.length > 0;
    body.replaceChildren(...list.flatMap(r => rows(r)));
  }

  function rows(r) {
    const state = r.state ?? '';
    const running = ['running', 'starting', 'unhealthy'].includes(state.toLowerCase());
    const act = action => async e => {
      e.stopPropagation();
      e.target.disabled = true;
      try { await post(`/api/resources/${encodeURIComponent(r.name)}/${action}`); } catch (err) { alert(err.message); }
      await load();
    };
    const main = h('tr', { class: 'clickable', 'data-resource': r.name, onclick: () => { open.has(r.name) ? open.delete(r.name) : open.add(r.name); load(); } },
      h('td', { title: 'Show the environment' }, h('span', { class: 'caret' }, open.has(r.name) ? '▾' : '▸'), h('strong', {}, r.name)),
      h('td', {}, r.type),
      h('td', {}, h('span', { class: `badge ${state.toLowerCase()}` }, state)),
      h('td', {}, r.health ? h('span', { class: `badge ${r.health.toLowerCase()}` }, r.health) : ''),
      h('td', { class: 'num' }, r.pid ?? ''),
      h('td', {}, (r.urls ?? []).map(u => h('div', {}, h('a', { href: u, target: '_blank', rel: 'noopener' }, u)))),
      h('td', { class: 'num' }, r.restartCount),
      h('td', { class: 'num' }, uptime(r.uptimeSeconds)),
      h('td', { class: 'num' },
        h('button', { disabled: running, onclick: act('start') }, 'Start'), ' ',
        h('button', { disabled: !running, onclick: act('stop') }, 'Stop'), ' ',
        h('button', { onclick: act('restart') }, 'Restart')));
    if (!open.has(r.name)) return [main];
    const facts = { ...r.properties };
    if (r.exitCode != null) facts['exit code'] = r.exitCode;
    if (r.startedAt) facts['started'] = new Date(r.startedAt).toLocaleString();
    return [main, h('tr', { class: 'details' }, h('td', { colspan: columns.length },
      Object.keys(facts).length ? [h('h2', {}, 'Details'), keyValues(facts)] : null,
      h('h2', {}, 'Environment'), keyValues(r.environment),
      h('p', {}, h('a', { href: `/console?resource=${encodeURIComponent(r.name)}` }, 'Console output'))))];
  }

  load();
  const tick = setInterval(load, 5000);
  return {
    onChange(kinds) { if (kinds.includes('resources')) load(); },
    dispose() { clearInterval(tick); },
  };
}
