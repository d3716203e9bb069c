// 我的反映 (/my): the concerns submitted from this phone (resident token), plus links saved on it, each with its
// current state (a saved link's state comes from its tracking page's API, with the link's key).
import { api, el, $, fmtTime, showError } from './api.js';
import { tag, toneTag } from './labels.js';
import { keyFor, residentToken, savedLinks, trackPath } from './resident.js';

/** One line: state tag, 待评价 when a rating is due, category; the summary; tracking number and when. */
function cell(href, c, when) {
  return el('a', { class: 'cell', href, 'data-testid': 'my-item', 'data-no': c.trackingNo },
    el('div', { class: 'cell__bd' },
      el('div', {}, c.state ? toneTag('states', c.state, c.stateLabel, { 'data-testid': 'my-state' }) : null,
        c.rateDue ? tag('待评价', 'pending', { 'data-testid': 'to-rate' }) : null, c.category || ''),
      c.summary ? el('div', { class: 'cell__desc', text: c.summary }) : null,
      el('div', { class: 'cell__desc', text: c.trackingNo + ' · ' + when })));
}

/** A saved link's line: its state once the tracking API answers; the bare number if it cannot be read. */
function savedCell(l) {
  const href = trackPath(l.trackingNo, l.key);
  const when = '保存的查询链接 · ' + fmtTime(l.at);
  const node = cell(href, { trackingNo: l.trackingNo, summary: '正在读取办理状态…' }, when);
  const headers = {};
  if (l.key) headers['X-Tracking-Key'] = l.key;
  if (residentToken()) headers['X-Resident-Token'] = residentToken();
  api('/api/v1/track/' + encodeURIComponent(l.trackingNo), { auth: false, headers })
    .then((v) => node.replaceWith(cell(href, { trackingNo: v.trackingNo, state: v.state, stateLabel: v.stateLabel,
      rateDue: v.canRate, category: v.category, summary: v.content.slice(0, 60) }, when)))
    .catch(() => node.replaceWith(cell(href, { trackingNo: l.trackingNo, summary: '暂时读不到办理状态，点开查看' }, when)));
  return node;
}

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
    items.map((i) => cell(trackPath(i.trackingNo, keyFor(i.trackingNo)), { ...i, rateDue: i.state === 'RESOLVED' },
      fmtTime(i.createdAt))),
    extra.map(savedCell)));
}

init();
