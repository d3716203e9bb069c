// 码上联络 — the one page client: api() with one error type (ApiError, from problem+json) and the one staff
// token store (written by login, refreshed once on a 401), downloads, and tiny DOM helpers. No framework.

/** A failed call: the HTTP status (0 = no answer) and the fields of the server's problem+json. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    const p = problem && typeof problem === 'object' ? problem : {};
    super(p.detail || p.title || (status ? '请求失败（' + status + '）' : '网络连接失败，请检查网络后重试'));
    this.status = status;
    this.title = p.title || null;
    this.detail = p.detail || null;
    this.errors = Array.isArray(p.errors) ? p.errors : [];
    this.field = this.errors.length ? this.errors[0].field : null;
    this.currentState = p.currentState || null;
    this.retryAfter = retryAfter || null;
    this.problem = p;
  }
}

// ---- the staff token store: the one key login writes ----
const TOKENS = 'mashang.auth';

export function saveTokens(t) {
  localStorage.setItem(TOKENS, JSON.stringify({
    accessToken: t.accessToken, refreshToken: t.refreshToken, account: t.account,
    expiresAt: Date.now() + (t.expiresIn || 0) * 1000
  }));
}

export function loadTokens() {
  try { return JSON.parse(localStorage.getItem(TOKENS)) || null; } catch (e) { return null; }
}

export function clearTokens() { localStorage.removeItem(TOKENS); }

/** Sends the user to /login (coming back here afterwards) when no token is kept, or always with force. */
export function requireLogin(force) {
  if (force || !loadTokens()) {
    clearTokens();
    location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
    return false;
  }
  return true;
}

let refreshing = null;

/** Trades the refresh token for new tokens once (concurrent 401s share one refresh). */
function refresh() {
  const t = loadTokens();
  if (!t || !t.refreshToken) return Promise.resolve(false);
  if (!refreshing) {
    refreshing = send('/api/v1/auth/refresh', { method: 'POST', body: { refreshToken: t.refreshToken }, auth: false })
      .then((r) => { if (!r.res.ok) return false; return r.res.json().then((n) => { saveTokens(n); return true; }); })
      .catch(() => false)
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function send(path, { method = 'GET', body, headers = {}, auth = true, timeoutMs = 15000, as = 'json' }) {
  const h = { Accept: as === 'blob' ? '*/*' : 'application/json', ...headers };
  const t = auth ? loadTokens() : null;
  if (t && t.accessToken) h.Authorization = 'Bearer ' + t.accessToken;
  let payload = body;
  if (body !== undefined && body !== null && !(body instanceof FormData) && typeof body !== 'string') {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetch(path, { method, headers: h, body: payload, signal: ctrl.signal, credentials: 'same-origin' });
    return { res, hadToken: !!h.Authorization };
  } catch (e) {
    throw new ApiError(0, { title: '网络不稳定', detail: '网络连接失败，请检查网络后重试' });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Calls the API. auth (default true): a staff call with the kept token; on 401 the token is refreshed once and the
 * call repeated, and a second 401 sends the user to /login. auth: false for anonymous (resident) calls.
 * as: 'json' (default; null for 204) or 'blob' (files). Throws ApiError.
 */
export async function api(path, options = {}) {
  const { auth = true, as = 'json' } = options;
  let { res, hadToken } = await send(path, options);
  if (res.status === 401 && auth && hadToken && await refresh()) ({ res } = await send(path, options));
  if (!res.ok) {
    const type = res.headers.get('Content-Type') || '';
    const problem = type.includes('json') ? await res.json().catch(() => null) : null;
    const error = new ApiError(res.status, problem, res.headers.get('Retry-After'));
    if (res.status === 401 && auth) requireLogin(true);
    throw error;
  }
  if (as === 'blob') return res.blob();
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json().catch(() => null) : res.text();
}

/** Fetches a file with the staff token (a plain link cannot carry it) and saves it under a name. */
export async function download(path, filename) {
  const href = URL.createObjectURL(await api(path, { as: 'blob' }));
  const a = el('a', { href, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10000);
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
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function $(sel, root = document) { return root.querySelector(sel); }

/** Replaces a container's children, leaving out null, undefined and false (replaceChildren would print "null"). */
export function fill(container, ...children) {
  container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

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
