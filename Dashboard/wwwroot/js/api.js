// The JSON API under /api/: the same calls scripts and tests make.

export async function getJson(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v !== undefined && v !== null && v !== '' && v !== false) url.searchParams.set(k, v);
  }
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (response.status === 401) return loginAgain();
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} from ${url.pathname}`);
  return response.json();
}

export async function post(path) {
  const response = await fetch(path, { method: 'POST' });
  if (response.status === 401) return loginAgain();
  if (!response.ok) throw new Error(await response.text() || `${response.status} from ${path}`);
}

function loginAgain() {
  location.href = '/login?returnUrl=' + encodeURIComponent(location.pathname + location.search);
  return new Promise(() => {});
}
