// My account (/me): who I am (role words from the server), password change, logout.
import { api, clearTokens, requireLogin, saveTokens, loadTokens } from './api.js';
import { homeOf } from './staff-nav.js';
import { label } from './labels.js';

const msg = document.getElementById('msg');

function show(text, kind) {
  msg.textContent = text;
  msg.className = 'msg show ' + kind;
}

async function init() {
  if (!requireLogin()) return;
  let me;
  try {
    me = await api('/api/v1/me');
  } catch (e) {
    show(e.message, 'error');
    return;
  }
  document.getElementById('me-home').href = homeOf((loadTokens() || {}).account);
  document.getElementById('me-name').textContent = me.displayName;
  document.getElementById('me-role').textContent = me.roleLabel || label('roles', me.role);
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
    if (!currentPassword || !newPassword) { show('请填写当前密码和新密码', 'error'); return; }
    if (newPassword !== form.again.value) { show('两次输入的新密码不一致', 'error'); return; }
    try {
      saveTokens(await api('/api/v1/me/password', { method: 'POST', body: { currentPassword, newPassword } }));
      form.reset();
      show('密码已修改，其他设备上的登录已失效', 'ok');
    } catch (err) {
      show(err.message, 'error');
    }
  });

  document.getElementById('logout').addEventListener('click', async () => {
    await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => null);
    clearTokens();
    location.href = '/login';
  });
}

init();
