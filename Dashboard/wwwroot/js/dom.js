// Building DOM without innerHTML: every text goes in as text, so telemetry can never inject markup.

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

export function s(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs ?? {})) if (v != null) el.setAttribute(k, v);
  append(el, children);
  return el;
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'style') el.style.cssText = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : v);
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

export function select(name, options, value, onchange) {
  return h('select', { name, onchange },
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

export function keyValues(entries) {
  const rows = Object.entries(entries ?? {});
  if (rows.length === 0) return h('div', { class: 'muted' }, 'none');
  return h('table', { class: 'kv' }, h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v)))));
}

// Calls fn at most once per `ms`, always with the latest call honoured.
export function throttle(fn, ms) {
  let timer = null, pending = false;
  return (...args) => {
    if (timer) { pending = true; return; }
    fn(...args);
    timer = setTimeout(() => { timer = null; if (pending) { pending = false; fn(...args); } }, ms);
  };
}
