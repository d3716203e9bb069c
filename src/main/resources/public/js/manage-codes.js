// Station head page: /manage/codes?station={id} — codes with scan counts, revoke/reissue, poster downloads.
import { api, el, showError, toast, fmtTime, ApiError } from './api.js';

const station = new URLSearchParams(location.search).get('station');
const list = document.getElementById('list');

async function download(what, filename) {
  const token = localStorage.getItem('accessToken');
  try {
    const res = await fetch(`/api/v1/stations/${encodeURIComponent(station)}/${what}`,
      { headers: token ? { Authorization: 'Bearer ' + token } : {} });
    if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
    const url = URL.createObjectURL(await res.blob());
    const a = el('a', { href: url, download: filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    showError(e);
  }
}

async function revoke(c) {
  const reason = prompt(`停用「${c.deputyName || '联络站'}」的二维码 ${c.code}？请填写原因（如：海报污损、代表调离）`);
  if (reason === null) return;
  if (!reason.trim()) { toast('请填写停用原因'); return; }
  try {
    const issued = await api(`/api/v1/codes/${encodeURIComponent(c.code)}/revoke`, { method: 'POST', body: { reason } });
    toast(issued.active ? '已停用，新二维码 ' + issued.code : '已停用');
    load();
  } catch (e) {
    showError(e);
  }
}

function codeCell(c) {
  const who = c.kind === 'STATION' ? '联络站二维码' : `${c.deputyName || '代表'}${c.roleLabel ? '（' + c.roleLabel + '）' : ''}`;
  const status = c.active ? el('span', { class: 'tag', text: '使用中' }) : el('span', { class: 'tag grey', text: '已停用' });
  return el('div', { class: 'cell' },
    c.active ? el('img', { class: 'qr-thumb', alt: '二维码', src: `/api/v1/codes/${encodeURIComponent(c.code)}/qr.svg?size=128` }) : null,
    el('div', { class: 'cell__bd' },
      el('div', {}, who, ' ', status),
      el('div', { class: 'cell__desc' }, el('a', { href: new URL(c.scanUrl).pathname, text: c.code })),
      el('div', { class: 'cell__desc', text: `扫码 今日 ${c.scansToday} · 近7日 ${c.scans7Days} · 累计 ${c.scansTotal}` }),
      c.active ? null : el('div', { class: 'cell__desc', text: `停用于 ${fmtTime(c.revokedAt)}：${c.revokeReason || ''}${c.replacedBy ? '，新码 ' + c.replacedBy : ''}` })),
    c.active ? el('button', { class: 'btn btn-warn', type: 'button', text: '停用并换码', onclick: () => revoke(c) }) : null);
}

async function load() {
  if (!station) { list.replaceChildren(el('div', { class: 'empty', text: '缺少联络站参数 ?station=' })); return; }
  try {
    const codes = await api(`/api/v1/stations/${encodeURIComponent(station)}/codes`);
    const active = codes.filter((c) => c.active);
    const revoked = codes.filter((c) => !c.active);
    list.replaceChildren(
      el('div', { class: 'section-title', text: `使用中（${active.length}）` }),
      el('div', { class: 'cells' }, active.map(codeCell)),
      revoked.length ? el('div', { class: 'section-title', text: `已停用（${revoked.length}）` }) : null,
      revoked.length ? el('div', { class: 'cells' }, revoked.map(codeCell)) : null);
  } catch (e) {
    if (e.status === 401) {
      list.replaceChildren(el('div', { class: 'empty' }, '请先登录站长或管理员账号。 ', el('a', { href: '/login?next=' + encodeURIComponent(location.pathname + location.search), text: '去登录' })));
    } else {
      showError(e, list);
    }
  }
}

document.getElementById('pdf').addEventListener('click', () => download('poster.pdf', `联络站海报-${station}.pdf`));
document.getElementById('png').addEventListener('click', () => download('poster.png', `联络站海报-${station}.png`));
load();
