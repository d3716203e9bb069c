// Staff login (/login): keeps the tokens in the one store of api.js and goes back to where the user came from.
import { api, ApiError, saveTokens } from './api.js';
import { homeOf } from './staff-nav.js';

function show(box, text, kind) {
  box.textContent = text;
  box.className = 'msg show ' + kind;
}

/** Back to where the user came from, or the role's home (待我处理, station queue, dashboard, region, inbox). */
function safeNext(account) {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(account);
}

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
    const tokens = await api('/api/v1/auth/login', { method: 'POST', body: { login, password }, auth: false });
    saveTokens(tokens);
    location.href = safeNext(tokens.account);
  } catch (err) {
    const text = err instanceof ApiError && err.status === 429
      ? '尝试次数过多，请' + (err.retryAfter ? ' ' + err.retryAfter + ' 秒后' : '稍后') + '再试'
      : err.message;
    show(msg, text, 'error');
  } finally {
    button.disabled = false;
    button.textContent = '登录';
  }
});
