// Metrics: resource → meter → instrument on the left; the chosen instrument over time on the right
// (a line per series for gauges and sums; p50/p90/p99 for histograms).
import { getJson } from '../api.js';
import { lineChart } from '../chart.js';
import { h, select, throttle } from '../dom.js';
import { number } from '../format.js';
import { readQuery, writeQuery } from './filters.js';

const palette = ['#3b5bdb', '#e8590c', '#2b8a3e', '#ae3ec9', '#0c8599', '#c92a2a', '#5c940d', '#f08c00'];

export function mount(view, { query }) {
  const state = readQuery(query, ['resource', 'meter', 'name', 'series']);
  const tree = h('aside', { class: 'tree', id: 'metrics-tree' });
  // Which tree nodes the user opened or closed, kept across the live redraws.
  const toggled = new Map();
  const node = (key, openByDefault, summary, children) => {
    const details = h('details', { open: toggled.get(key) ?? openByDefault }, h('summary', {}, summary), children);
    details.addEventListener('toggle', () => toggled.set(key, details.open));
    return details;
  };
  const panel = h('section', { class: 'panel', id: 'metric' }, h('div', { class: 'empty' }, 'Choose an instrument.'));
  view.append(h('h1', {}, 'Metrics'), h('div', { class: 'metrics' }, tree, panel));

  async function loadTree() {
    const resources = await getJson('/api/metrics') ?? [];
    if (resources.length === 0) { tree.replaceChildren(h('div', { class: 'empty' }, 'No metrics yet.')); return; }
    tree.replaceChildren(...resources.map(r => node(r.resource, r.resource === state.resource || resources.length === 1, r.resource,
      r.meters.map(m => node(`${r.resource}\n${m.name}`, r.resource === state.resource && m.name === state.meter, m.name || '(no meter name)',
        m.instruments.map(i => h('button', {
          class: 'instrument' + (r.resource === state.resource && m.name === state.meter && i.name === state.name ? ' selected' : ''),
          title: i.description, 'data-instrument': i.name,
          onclick: () => { Object.assign(state, { resource: r.resource, meter: m.name, name: i.name, series: '' }); writeQuery('/metrics', state); loadTree(); loadInstrument(); },
        }, i.name)))))));
  }

  async function loadInstrument() {
    if (!state.name) return;
    const data = await getJson('/api/metrics/instrument', { resource: state.resource, meter: state.meter, name: state.name });
    if (!data) { panel.replaceChildren(h('div', { class: 'empty' }, 'That instrument has no data (yet).')); return; }
    const { instrument, series } = data;
    const unit = instrument.unit;
    const labels = series.map(s => label(s.attributes));
    const histogram = instrument.type === 'Histogram';
    const chosen = Math.min(Number(state.series) || 0, Math.max(0, series.length - 1));
    const lines = histogram
      ? ['p50', 'p90', 'p99'].map((p, i) => ({ label: p, color: palette[i], points: (series[chosen]?.points ?? []).map(pt => ({ t: Date.parse(pt.time), v: pt[p] })) }))
      : series.slice(0, palette.length).map((s, i) => ({ label: labels[i], color: palette[i], points: s.points.map(pt => ({ t: Date.parse(pt.time), v: pt.value })) }));
    panel.replaceChildren(...[
      h('h2', {}, instrument.name),
      h('p', { class: 'muted' }, [instrument.description, instrument.type + (instrument.type === 'Sum' ? (instrument.isMonotonic ? ' (monotonic)' : ' (up-down)') : ''), unit ? `unit ${unit}` : null, instrument.temporality].filter(Boolean).join(' · ')),
      histogram && series.length > 1
        ? h('div', { class: 'filters' }, h('label', {}, 'Series', select('series', labels.map((l, i) => [String(i), l]), String(chosen), e => { state.series = e.target.value; writeQuery('/metrics', state); loadInstrument(); })))
        : null,
      lineChart(lines, unit),
      table(series, labels, histogram, unit)].filter(Boolean));
  }

  function table(series, labels, histogram, unit) {
    const head = histogram ? ['Series', 'Count', 'Sum', 'p50', 'p90', 'p99'] : ['Series', 'Latest'];
    return h('table', { class: 'grid', id: 'metric-series', style: 'margin-top:12px' },
      h('thead', {}, h('tr', {}, head.map(c => h('th', {}, c)))),
      h('tbody', {}, series.map((s, i) => {
        const last = s.points[s.points.length - 1] ?? {};
        return h('tr', {}, h('td', { class: 'mono' }, labels[i]), histogram
          ? [h('td', { class: 'num' }, number(last.count)), h('td', { class: 'num' }, number(last.sum, unit)),
             ...['p50', 'p90', 'p99'].map(p => h('td', { class: 'num' }, number(s.overall?.[p], unit)))]
          : h('td', { class: 'num' }, number(last.value, unit)));
      })));
  }

  loadTree();
  loadInstrument();
  const refresh = throttle(() => { loadTree(); loadInstrument(); }, 1000);
  return { onChange(kinds) { if (kinds.includes('metrics')) refresh(); } };
}

function label(attributes) {
  const entries = Object.entries(attributes ?? {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(', ') : '(no attributes)';
}
