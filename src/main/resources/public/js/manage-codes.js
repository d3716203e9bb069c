// Station head page: /manage/codes?station={id} — codes with scan counts, revoke/reissue, poster downloads.
import { api, download, el, fill, showError, toast, fmtTime, requireLogin } from './api.js';
import { tag } from './labels.js';

const station = new URLSearchParams(location.search).get('station');
const list = document.getElementById('list');

function poster(what, filename) {
  download(`/api/v1/stations/${encodeURIComponent(station)}/${what}`, filename).catch((e) => showError(e));
}

/** Asks for the reason in the code's own cell (海报污损、代表调离…), then revokes; a new code is issued. */
function askReason(c, cell) {
  const id = 'reason-' + c.code;
  const input = el('input', { type: 'text', id, maxlength: '255', placeholder: '如：海报污损、代表调离', 'data-testid': 'revoke-reason' });
  const box = el('form', { class: 'form revoke-form', novalidate: true, 'data-testid': 'revoke-form' },
    el('label', { for: id, text: `停用二维码 ${c.code} 的原因` }), input,
    el('div', { class: 'revoke-buttons' },
      el('button', { type: 'button', class: 'btn btn-default', text: '取消', onclick: () => box.remove() }),
      el('button', { type: 'submit', class: 'btn btn-warn', text: '确认停用', 'data-testid': 'revoke-confirm' })));
  box.addEventListener('submit', async (e) => {
    e.preventDefault();
    const reason = input.value.trim();
    if (!reason) { toast('请填写停用原因'); return; }
    try {
      const issued = await api(`/api/v1/codes/${encodeURIComponent(c.code)}/revoke`, { method: 'POST', body: { reason } });
      toast(issued.active ? '已停用，新二维码 ' + issued.code : '已停用');
      load();
    } catch (err) {
      showError(err);
    }
  });
  cell.after(box);
  input.focus();
}

function codeCell(c) {
  const who = c.kind === 'STATION' ? '联络站二维码' : `${c.deputyName || '代表'}${c.roleLabel ? '（' + c.roleLabel + '）' : ''}`;
  const status = c.active ? tag('使用中', 'active') : tag('已停用', 'muted');
  const cell = el('div', { class: 'cell', 'data-testid': 'code', 'data-code': c.code },
    c.active ? el('img', { class: 'qr-thumb', alt: '二维码', src: `/api/v1/codes/${encodeURIComponent(c.code)}/qr.svg?size=128` }) : null,
    el('div', { class: 'cell__bd' },
      el('div', {}, who, ' ', status),
      el('div', { class: 'cell__desc' }, el('a', { href: new URL(c.scanUrl).pathname, text: c.code })),
      el('div', { class: 'cell__desc', text: `扫码 今日 ${c.scansToday} · 近7日 ${c.scans7Days} · 累计 ${c.scansTotal}` }),
      c.active ? null : el('div', { class: 'cell__desc', text: `停用于 ${fmtTime(c.revokedAt)}：${c.revokeReason || ''}${c.replacedBy ? '，新码 ' + c.replacedBy : ''}` })));
  if (c.active) {
    cell.append(el('button', { class: 'btn btn-warn', type: 'button', text: '停用并换码', 'data-testid': 'revoke', onclick: () => askReason(c, cell) }));
  }
  return cell;
}

async function load() {
  if (!station) { list.replaceChildren(el('div', { class: 'empty', text: '缺少联络站参数 ?station=' })); return; }
  if (!requireLogin()) return;
  try {
    const codes = await api(`/api/v1/stations/${encodeURIComponent(station)}/codes`);
    const active = codes.filter((c) => c.active);
    const revoked = codes.filter((c) => !c.active);
    fill(list,
      el('div', { class: 'section-title', text: `使用中（${active.length}）` }),
      el('div', { class: 'cells', 'data-testid': 'active-codes' }, active.map(codeCell)),
      revoked.length ? el('div', { class: 'section-title', text: `已停用（${revoked.length}）` }) : null,
      revoked.length ? el('div', { class: 'cells', 'data-testid': 'revoked-codes' }, revoked.map(codeCell)) : null);
  } catch (e) {
    showError(e, list);
  }
}

document.getElementById('pdf').addEventListener('click', () => poster('poster.pdf', `联络站海报-${station}.pdf`));
document.getElementById('png').addEventListener('click', () => poster('poster.png', `联络站海报-${station}.png`));
load();
