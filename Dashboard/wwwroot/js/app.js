// The dashboard's one page: the path picks what to draw, links navigate without reloading,
// and one server-sent event stream tells the page on show when its data changed.
import * as resources from './pages/resources.js';
import * as consoleLogs from './pages/console.js';
import * as logs from './pages/logs.js';
import * as traces from './pages/traces.js';
import * as trace from './pages/trace.js';
import * as metrics from './pages/metrics.js';

const routes = [
  [/^\/(?:resources)?$/, resources, 'resources'],
  [/^\/console$/, consoleLogs, 'console'],
  [/^\/logs$/, logs, 'logs'],
  [/^\/traces$/, traces, 'traces'],
  [/^\/traces\/([0-9a-fA-F]+)$/, trace, 'traces'],
  [/^\/metrics$/, metrics, 'metrics'],
];

let current = null;

function render() {
  current?.dispose?.();
  current = null;
  const view = document.getElementById('view');
  view.replaceChildren();
  for (const [pattern, page, nav] of routes) {
    const match = location.pathname.match(pattern);
    if (!match) continue;
    document.querySelectorAll('[data-nav]').forEach(a => a.classList.toggle('active', a.dataset.nav === nav));
    current = page.mount(view, { params: match.slice(1), query: new URLSearchParams(location.search) }) ?? {};
    return;
  }
  view.textContent = 'No such page.';
}

export function navigate(url) {
  history.pushState(null, '', url);
  render();
}

document.addEventListener('click', e => {
  const a = e.target.closest('a[href]');
  if (!a || a.origin !== location.origin || a.target || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  if (a.pathname.startsWith('/api/') || a.pathname.startsWith('/login')) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
});
window.addEventListener('popstate', render);

const live = document.getElementById('live');
const events = new EventSource('/api/events');
events.addEventListener('hello', () => live.classList.add('on'));
events.addEventListener('change', e => current?.onChange?.(JSON.parse(e.data)));
events.onerror = () => live.classList.remove('on');

render();
