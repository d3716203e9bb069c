// 码上联络 — the printable record (档案) of a concern (/manage/concerns/{id}/print), from the staff detail API.
import { api, el, $, fmtTime, requireLogin } from './api.js';

const id = location.pathname.split('/').filter(Boolean)[2];

function row(label, value) {
  return el('tr', {}, el('th', { text: label }), el('td', { text: value || '—' }));
}

async function init() {
  $('#print-button').addEventListener('click', () => window.print());
  if (!requireLogin()) return;
  try {
    const c = await api('/api/v1/concerns/' + encodeURIComponent(id));
    document.title = '反映办理档案 ' + c.trackingNo;
    $('#record').replaceChildren(
      el('h1', { text: '反映办理档案' }),
      el('table', {},
        row('编号', c.trackingNo), row('状态', c.stateLabel), row('联络站', c.stationName), row('分类', c.category),
        row('提交时间', fmtTime(c.createdAt)), row('联系人', [c.contactName, c.mobileMasked].filter(Boolean).join(' ')),
        row('地址', c.address), row('位置', c.location && c.location.summary), row('承办代表', c.assigneeName), row('交办部门', c.departmentName),
        row('办理期限', fmtTime(c.departmentDeadline)), row('办理结果', c.outcomeLabel),
        row('群众评价', c.ratingLabel && (c.ratingLabel + (c.ratingComment ? '：' + c.ratingComment : ''))),
        row('重新办理', String(c.reopenCount)), row('反映内容', c.content)),
      el('h2', { text: '办理过程' }),
      el('table', { 'data-testid': 'record-timeline' },
        el('tr', {}, el('th', { text: '时间' }), el('th', { text: '事项' }), el('th', { text: '经办' }), el('th', { text: '内容' })),
        ...c.timeline.map((e) => el('tr', { class: e.internal ? 'event-internal' : '' },
          el('td', { text: fmtTime(e.at) }), el('td', { text: e.label + (e.internal ? '（内部）' : '') }),
          el('td', { text: (e.actorName || '') + (e.actorRoleLabel ? '·' + e.actorRoleLabel : '') }),
          el('td', { text: e.body || '' })))),
      el('p', { text: '打印时间：' + fmtTime(new Date().toISOString()) + ' · 码上联络' }));
  } catch (e) {
    $('#record-status').textContent = e.message;
  }
}

init();
