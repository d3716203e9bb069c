// 我的反映 (/my): the concerns submitted from this phone (resident token), plus links saved on it.
import { api, el, $, fmtTime, showError } from './api.js';
import { keyFor, residentToken, savedLinks, trackPath } from './resident.js';

async function init() {
  const box = $('#list');
  const token = residentToken();
  let items = [];
  if (token) {
    try {
      items = (await api('/api/v1/my/concerns', { auth: false, headers: { 'X-Resident-Token': token } })).items;
    } catch (e) {
      if (e.status !== 401) showError(e, box);
    }
  }
  const known = new Set(items.map((i) => i.trackingNo));
  const extra = savedLinks().filter((l) => !known.has(l.trackingNo));
  if (!items.length && !extra.length) {
    box.replaceChildren(el('div', { class: 'empty', text: '本手机还没有提交过反映。扫描联络站或代表的二维码即可反映问题。' }));
    return;
  }
  box.replaceChildren(el('div', { class: 'cells' },
    items.map((i) => el('a', { class: 'cell', href: trackPath(i.trackingNo, keyFor(i.trackingNo)) },
      el('div', { class: 'cell__bd' },
        el('div', {}, el('span', { class: 'tag', text: i.stateLabel }),
          i.state === 'RESOLVED' ? el('span', { class: 'tag tone-pending', 'data-testid': 'to-rate', text: '待评价' }) : null, i.category),
        el('div', { class: 'cell__desc', text: i.summary }),
        el('div', { class: 'cell__desc', text: i.trackingNo + ' · ' + fmtTime(i.createdAt) })))),
    extra.map((l) => el('a', { class: 'cell', href: trackPath(l.trackingNo, l.key) },
      el('div', { class: 'cell__bd' }, el('div', { text: l.trackingNo }),
        el('div', { class: 'cell__desc', text: '保存的查询链接 · ' + fmtTime(l.at) }))))));
}

init();
