// 码上联络 — staff tokens in localStorage, an authorised fetch that refreshes once, and the
// login / "my account" pages. Other staff pages import { authFetch, requireLogin } from here.

const KEY = 'mashang.auth';
const ROLE_LABELS = { DEPUTY: '代表', LIAISON: '联络员', STATION_HEAD: '站长', ADMIN: '管理员', DEPARTMENT: '承办部门' };

export function saveTokens(t) {
  localStorage.setItem(KEY, JSON.stringify({
    accessToken: t.accessToken, refreshToken: t.refreshToken, account: t.account,
    expiresAt: Date.now() + (t.expiresIn || 0) * 1000
  }));
}

export function loadTokens() {
  try { return JSON.parse(localStorage.getItem(KEY)) || null; } catch (e) { return null; }
}

export function clearTokens() { localStorage.removeItem(KEY); }

export function roleLabel(role) { return ROLE_LABELS[role] || role; }

async function refresh() {
  const t = loadTokens();
  if (!t || !t.refreshToken) return false;
  const res = await fetch('/api/v1/auth/refresh', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: t.refreshToken })
  });
  if (!res.ok) { clearTokens(); return false; }
  saveTokens(await res.json());
  return true;
}

/** fetch with the bearer token; on 401 tries the refresh token once, then sends the user to /login. */
export async function authFetch(url, options = {}) {
  const go = () => {
    const t = loadTokens();
    const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    if (t && t.accessToken) headers.Authorization = 'Bearer ' + t.accessToken;
    return fetch(url, Object.assign({}, options, { headers }));
  };
  let res = await go();
  if (res.status === 401 && await refresh()) res = await go();
  if (res.status === 401) { requireLogin(true); }
  return res;
}

/** Sends the user to the login page (coming back afterwards) when no token is kept. */
export function requireLogin(force) {
  if (force || !loadTokens()) {
    clearTokens();
    location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
    return false;
  }
  return true;
}

async function problemText(res) {
  try {
    const p = await res.json();
    return p.detail || p.title || ('请求失败（' + res.status + '）');
  } catch (e) { return '请求失败（' + res.status + '）'; }
}

function show(el, text, kind) {
  el.textContent = text;
  el.className = 'msg show ' + kind;
}

function safeNext() {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/me';
}

export function initLoginPage() {
  const form = document.getElementById('login-form');
  const msg = document.getElementById('msg');
  const button = document.getElementById('submit');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const login = form.login.value.trim();
    const password = form.password.value;
    if (!login || !password) { show(msg, '请输入账号和密码', 'error'); return; }
    button.disabled = true;
    button.textContent = '正在登录…';
    try {
      const res = await fetch('/api/v1/auth/login', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ login, password })
      });
      if (res.ok) {
        saveTokens(await res.json());
        location.href = safeNext();
        return;
      }
      let text = await problemText(res);
      if (res.status === 429) {
        const wait = res.headers.get('Retry-After');
        text = '尝试次数过多，请' + (wait ? ' ' + wait + ' 秒后' : '稍后') + '再试';
      }
      show(msg, text, 'error');
    } catch (err) {
      show(msg, '网络连接失败，请稍后再试', 'error');
    } finally {
      button.disabled = false;
      button.textContent = '登录';
    }
  });
}

export async function initMePage() {
  if (!requireLogin()) return;
  const msg = document.getElementById('msg');
  const res = await authFetch('/api/v1/me');
  if (!res.ok) { show(msg, await problemText(res), 'error'); return; }
  const me = await res.json();
  document.getElementById('me-name').textContent = me.displayName;
  document.getElementById('me-role').textContent = me.roleLabel || roleLabel(me.role);
  document.getElementById('me-login').textContent = me.loginName || me.mobile || '';
  if (me.region) {
    document.getElementById('me-region').textContent = me.region.name;
    document.getElementById('me-region-row').hidden = false;
  }
  if (me.stations && me.stations.length) {
    const ul = document.getElementById('me-stations');
    ul.replaceChildren(...me.stations.map((s) => {
      const li = document.createElement('li');
      li.textContent = s.name;
      return li;
    }));
    document.getElementById('me-stations-row').hidden = false;
  }

  const form = document.getElementById('password-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const currentPassword = form.currentPassword.value;
    const newPassword = form.newPassword.value;
    if (!currentPassword || !newPassword) { show(msg, '请填写当前密码和新密码', 'error'); return; }
    if (newPassword !== form.again.value) { show(msg, '两次输入的新密码不一致', 'error'); return; }
    const r = await authFetch('/api/v1/me/password', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ currentPassword, newPassword })
    });
    if (r.ok) {
      saveTokens(await r.json());
      form.reset();
      show(msg, '密码已修改，其他设备上的登录已失效', 'ok');
    } else {
      show(msg, await problemText(r), 'error');
    }
  });

  document.getElementById('logout').addEventListener('click', async () => {
    await authFetch('/api/v1/auth/logout', { method: 'POST' }).catch(() => null);
    clearTokens();
    location.href = '/login';
  });
}
