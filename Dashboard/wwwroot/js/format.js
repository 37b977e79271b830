// How times, durations and services look on every page.

export function duration(ms) {
  if (ms == null) return '';
  if (ms === 0) return '0 ms';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.floor(ms / 60000)}m ${Math.round((ms % 60000) / 1000)}s`;
}

export function time(iso) {
  const d = new Date(iso);
  return d.toLocaleTimeString([], { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
}

export function dateTime(iso) {
  return new Date(iso).toLocaleDateString() + ' ' + time(iso);
}

export function uptime(seconds) {
  if (seconds == null) return '';
  const s = Math.floor(seconds), d = Math.floor(s / 86400), h = Math.floor(s / 3600) % 24, m = Math.floor(s / 60) % 60;
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${String(m).padStart(2, '0')}m`;
  return `${m}m ${String(s % 60).padStart(2, '0')}s`;
}

export function number(v, unit) {
  if (v == null || Number.isNaN(v)) return '';
  const abs = Math.abs(v);
  const text = abs >= 1e6 ? (v / 1e6).toFixed(2) + 'M'
    : abs >= 1e4 ? (v / 1e3).toFixed(1) + 'k'
    : Number.isInteger(v) ? String(v)
    : abs >= 100 ? v.toFixed(0) : abs >= 1 ? v.toFixed(2) : v.toPrecision(3);
  return unit ? `${text} ${unit}` : text;
}

// One stable colour per service, so a service looks the same on every page (no red: red means error).
const serviceColors = ['#4263eb', '#f08c00', '#12b886', '#ae3ec9', '#1c7ed6', '#74b816', '#7048e8', '#0ca678', '#e67700', '#3bc9db', '#845ef7', '#5c940d'];

export function serviceColor(name) {
  let hash = 0;
  for (const c of name ?? '') hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return serviceColors[hash % serviceColors.length];
}

export function shortId(id) {
  return id ? id.slice(0, 8) : '';
}

export function level(name) {
  return (name ?? '').toLowerCase();
}
