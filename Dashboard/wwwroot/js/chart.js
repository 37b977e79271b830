import { h, s } from './dom.js';
import { number, time } from './format.js';

// A line chart in SVG: lines = [{ label, color, points: [{ t: epoch ms, v }] }].
export function lineChart(lines, unit) {
  const W = 820, H = 260, L = 64, R = 12, T = 12, B = 28;
  const all = lines.flatMap(l => l.points).filter(p => p.v != null);
  if (all.length === 0) return h('div', { class: 'empty' }, 'No points yet.');
  const t0 = Math.min(...all.map(p => p.t)), t1 = Math.max(...all.map(p => p.t));
  const vMin = Math.min(0, ...all.map(p => p.v)), vMaxRaw = Math.max(...all.map(p => p.v));
  const vMax = vMaxRaw === vMin ? vMin + 1 : vMaxRaw + (vMaxRaw - vMin) * 0.08;
  const x = t => L + (t1 === t0 ? (W - L - R) / 2 : (t - t0) / (t1 - t0) * (W - L - R));
  const y = v => T + (1 - (v - vMin) / (vMax - vMin)) * (H - T - B);

  const grid = [0, 0.25, 0.5, 0.75, 1].map(f => {
    const v = vMin + f * (vMax - vMin);
    return [
      s('line', { class: 'gridline', x1: L, x2: W - R, y1: y(v), y2: y(v) }),
      s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, number(v, unit)),
    ];
  });
  const xLabels = (t1 === t0 ? [t0] : [t0, (t0 + t1) / 2, t1]).map((t, i, a) =>
    s('text', { x: x(t), y: H - 8, 'text-anchor': a.length === 1 ? 'middle' : ['start', 'middle', 'end'][i] }, time(t)));
  const paths = lines.map(line => {
    const pts = line.points.filter(p => p.v != null);
    if (pts.length === 1) return s('circle', { cx: x(pts[0].t), cy: y(pts[0].v), r: 3, fill: line.color });
    return s('polyline', {
      fill: 'none', stroke: line.color, 'stroke-width': 2, 'stroke-linejoin': 'round',
      points: pts.map(p => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' '),
    }, s('title', {}, line.label));
  });
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img' },
    grid, s('line', { class: 'axis', x1: L, x2: L, y1: T, y2: H - B }),
    s('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }), xLabels, paths);
  const legend = h('div', { class: 'legend' },
    lines.map(l => h('span', { class: 'chip', style: `--chip:${l.color}` }, l.label)));
  return h('div', { class: 'chart' }, svg, legend);
}
