// 码上联络 — the start page (/): what this is, find a station (the public station list, filtered here by name or
// address), 我的反映, and staff sign-in (or, with a kept login, the way to the role's home).
import { api, el, fill, $, showError, loadTokens } from './api.js';
import { homeOf } from './staff-nav.js';

let stations = [];

function item(s) {
  return el('button', { type: 'button', class: 'cell link station', 'data-id': String(s.id), onclick: () => open(s.id) },
    el('div', { class: 'cell__bd' }, el('div', { text: s.name }),
      el('div', { class: 'cell__desc', text: [s.address, s.receptionNote].filter(Boolean).join(' · ') })));
}

async function open(id) {
  try {
    const s = await api('/api/v1/stations/' + id, { auth: false });
    location.href = s.code ? '/s/' + encodeURIComponent(s.code) : '/';
  } catch (e) { showError(e); }
}

function show() {
  const q = $('#q').value.trim();
  const hits = stations.filter((s) => !q || s.name.includes(q) || (s.address || '').includes(q));
  const shown = hits.slice(0, q ? 30 : 5); // the start page stays short: a few stations until the user searches
  fill($('#stations'), hits.length
    ? [el('div', { class: 'cells' }, shown.map(item)),
      hits.length > shown.length ? el('p', { class: 'hint', text: '共 ' + hits.length + ' 个联络站，输入名称或地址查找更多' }) : null]
    : el('div', { class: 'empty', text: q ? '没有找到“' + q + '”，换个名称或地址试试' : '暂无联络站' }));
}

async function load() {
  try {
    const page = await api('/api/v1/stations?size=100', { auth: false });
    stations = page.items || [];
    show();
  } catch (e) { showError(e, $('#stations')); }
}

const kept = loadTokens();
if (kept && kept.account) {
  $('#staff-link').href = homeOf(kept.account);
  $('#staff-text').textContent = '进入工作台（' + (kept.account.displayName || '已登录') + '）';
}
$('#q').addEventListener('input', show);
load();
