// 码上联络 portal shell: fetch wrapper with problem+json errors, tiny DOM helpers. No framework.
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('请求失败（' + status + '）'));
    this.status = status;
    this.problem = problem || {};
  }
}

/** Calls the JSON API. Adds the staff bearer token when present. Throws ApiError with the server's message. */
export async function api(path, { method = 'GET', body, headers = {}, auth = true, timeoutMs = 15000 } = {}) {
  const h = { Accept: 'application/json', ...headers };
  const token = auth ? localStorage.getItem('accessToken') : null;
  if (token) h.Authorization = 'Bearer ' + token;
  let payload = body;
  if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  let res;
  try {
    res = await fetch(path, { method, headers: h, body: payload, signal: ctrl.signal, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { title: '网络不稳定', detail: '网络连接失败，请检查网络后重试' });
  } finally {
    clearTimeout(timer);
  }
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) throw new ApiError(res.status, typeof data === 'object' ? data : null);
  return data;
}

/** Creates an element; text is set with textContent (never innerHTML), so user text is always safe. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function $(sel, root = document) { return root.querySelector(sel); }

export function toast(text, ms = 2000) {
  const t = el('div', { class: 'toast', role: 'status', text });
  document.body.append(t);
  setTimeout(() => t.remove(), ms);
}

/** Shows an error message in a container (or a toast). */
export function showError(err, container) {
  const text = err instanceof ApiError ? err.message : '出错了，请稍后重试';
  if (container) {
    container.replaceChildren(el('div', { class: 'error-box', role: 'alert', text }));
  } else {
    toast(text, 3000);
  }
}

/** Formats an ISO time (with offset) as Beijing time "2026-11-23 18:05". */
export function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n) => String(n).padStart(2, '0');
  const bj = new Date(d.getTime() + (8 * 60 + d.getTimezoneOffset()) * 60000);
  return `${bj.getFullYear()}-${p(bj.getMonth() + 1)}-${p(bj.getDate())} ${p(bj.getHours())}:${p(bj.getMinutes())}`;
}

/** A random key for Idempotency-Key headers (kept by the caller across retries). */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const a = new Uint8Array(16);
  crypto.getRandomValues(a);
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The last path segment of the current URL, e.g. the code in /s/{code}. */
export function lastSegment() {
  const parts = location.pathname.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] || '');
}
