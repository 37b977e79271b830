// One trace: a waterfall of its spans across services (kind, timing, status); a span opens its attributes and events.
import { getJson } from '../api.js';
import { h, keyValues, throttle } from '../dom.js';
import { dateTime, duration, serviceColor } from '../format.js';

export function mount(view, { params: [traceId] }) {
  const selected = new Set();
  let trace = null;
  // Drawn into a container of its own, so a late response cannot overwrite the next page.
  const root = h('div');
  view.append(root);

  async function load() {
    trace = await getJson(`/api/traces/${traceId}`);
    draw();
  }

  function draw() {
    if (!trace) {
      root.replaceChildren(h('h1', {}, 'Trace'), h('div', { class: 'empty' }, `No trace ${traceId} (yet): it may still be on its way, or have been pushed out of the buffer.`));
      return;
    }
    const { summary, spans } = trace;
    const t0 = Date.parse(summary.start);
    const total = Math.max(summary.durationMs, 0.001);
    root.replaceChildren(
      h('h1', {}, `${summary.rootService}: ${summary.name}`),
      h('div', { class: 'panel trace-head' },
        h('span', {}, 'Trace ', h('code', { id: 'trace-id' }, summary.traceId)),
        h('span', {}, 'Started ', dateTime(summary.start)),
        h('span', {}, 'Duration ', h('strong', {}, duration(summary.durationMs))),
        h('span', {}, `${summary.spanCount} spans`),
        summary.errorCount ? h('span', { class: 'badge error' }, `${summary.errorCount} errors`) : null,
        h('span', { id: 'trace-services' }, summary.services.map(s => h('span', { class: 'chip', style: `--chip:${serviceColor(s)}` }, s))),
        h('a', { id: 'trace-logs', href: `/logs?traceId=${summary.traceId}` }, 'View logs for this trace')),
      h('div', { class: 'waterfall', id: 'waterfall' },
        h('div', { class: 'wf-row' }, h('div', { class: 'wf-label muted' }, 'Span'), ticks(total)),
        order(spans).flatMap(({ span, depth }) => row(span, depth, t0, total))));
  }

  function row(span, depth, t0, total) {
    const left = (Date.parse(span.start) - t0) / total * 100;
    const width = Math.max(span.durationMs / total * 100, 0.2);
    const color = serviceColor(span.resource.serviceName);
    const toggle = () => { selected.has(span.spanId) ? selected.delete(span.spanId) : selected.add(span.spanId); draw(); };
    const main = h('div', {
      class: 'wf-row span-row' + (selected.has(span.spanId) ? ' selected' : ''), onclick: toggle,
      'data-span-id': span.spanId, 'data-service': span.resource.serviceName,
    },
      h('div', { class: 'wf-label', style: `padding-left:${8 + depth * 16}px`, title: span.name },
        h('span', { class: 'chip', style: `--chip:${color}` }, span.resource.serviceName),
        h('span', { class: 'badge kind' }, span.kind),
        h('span', { class: 'name' }, span.name)),
      h('div', { class: 'wf-track' },
        h('div', { class: 'wf-bar' + (span.isError ? ' error' : ''), style: `left:${left}%;width:${width}%;--chip:${color}` }),
        h('span', { class: 'wf-time', style: left + width > 80 ? `right:${100 - left + 0.5}%` : `left:${left + width + 0.5}%` }, duration(span.durationMs))));
    return selected.has(span.spanId) ? [main, details(span, t0)] : [main];
  }

  function details(span, t0) {
    return h('div', { class: 'wf-details' },
      keyValues({
        service: span.resource.id, kind: span.kind, status: span.status + (span.statusMessage ? `: ${span.statusMessage}` : ''),
        scope: span.scope, 'span id': span.spanId, 'parent span id': span.parentSpanId ?? '',
        start: dateTime(span.start), duration: duration(span.durationMs),
      }),
      h('h3', {}, 'Attributes'), keyValues(span.attributes),
      h('h3', {}, 'Events'),
      span.events.length === 0 ? h('div', { class: 'muted' }, 'none') : span.events.map(e => h('div', {},
        h('strong', {}, e.name), ' ', h('span', { class: 'muted' }, `+${duration(Date.parse(e.time) - t0)}`), keyValues(e.attributes))),
      span.links.length ? [h('h3', {}, 'Links'), span.links.map(l => h('div', {}, h('a', { href: `/traces/${l.traceId}` }, `${l.traceId} / ${l.spanId}`)))] : null,
      h('h3', {}, 'Resource'), keyValues(span.resource.attributes));
  }

  load();
  const refresh = throttle(load, 1000);
  return { onChange(kinds) { if (kinds.includes('traces')) refresh(); } };
}

function ticks(total) {
  return h('div', { class: 'wf-ticks' }, [0, 0.25, 0.5, 0.75, 1].map(f => h('span', { style: `left:${f * 100}%` }, duration(total * f))));
}

// Depth-first from the roots (spans whose parent is not in the trace), children by start time.
function order(spans) {
  const ids = new Set(spans.map(s => s.spanId));
  const children = new Map();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(span);
  }
  const out = [];
  const visit = (parent, depth) => {
    for (const span of (children.get(parent) ?? []).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
      out.push({ span, depth });
      visit(span.spanId, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
