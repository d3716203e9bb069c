// 码上联络 — /manage/standards: station standards (五有 / 十有). A head fills each item of the station's checklist
// with text and/or a photo and reads the committee's review (?station=, default the head's own station); the
// committee (ADMIN) sees its region's stations with items to review (?region=, default its own region), edits the
// region's checklist, and passes or returns a station's items (?station=). States and their labels come from the API.
import { api, el, fill, $, showError, toast, fmtTime, requireLogin, loadTokens } from './api.js';
import { fromApi } from './field-errors.js';
import { counts, mapSection } from './standards-map.js';

const params = new URLSearchParams(location.search);
const body = $('#body');
const yearSelect = $('#year');
const thisYear = new Date().getFullYear();
let year = Number(params.get('year')) || thisYear;
const TONE = { PASSED: 'active', PENDING: 'pending', RETURNED: 'alert', EMPTY: 'muted' };

const account = () => (loadTokens() || {}).account || {};

function stationParam() {
  if (params.get('station')) return params.get('station');
  const a = account();
  const own = a.role === 'STATION_HEAD' && a.stationIds && a.stationIds.length ? [...a.stationIds].sort((x, y) => x - y)[0] : null;
  return own === null ? null : String(own);
}

function photo(s, it) {
  const box = el('div', {});
  const button = el('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'show-photo', text: '查看照片',
    onclick: async () => {
      try {
        const blob = await api(`/api/v1/stations/${s.stationId}/standards/${it.itemId}/photo?year=${s.year}`, { as: 'blob' });
        fill(box, el('img', { src: URL.createObjectURL(blob), alt: it.name + ' 的达标照片' }));
      } catch (e) {
        showError(e, box);
      }
    } });
  box.append(button);
  return box;
}

function history(it) {
  if (!it.history.length) return null;
  return el('details', {}, el('summary', { text: `办理记录（${it.history.length}）` }),
    el('ul', {}, it.history.map((h) => el('li', { text: `${fmtTime(h.at)} ${h.actor || ''} ${h.what}${h.note ? '：' + h.note : ''}` }))));
}

function note(it) {
  if (!it.reviewNote && it.state !== 'PASSED') return null;
  const head = it.state === 'PASSED' ? '审核通过' : it.state === 'RETURNED' ? '退回意见' : '上次退回意见';
  return el('div', { class: 'note' + (it.state === 'PASSED' ? ' ok' : ''), 'data-testid': 'review-note',
    text: head + (it.reviewNote ? '：' + it.reviewNote : '') });
}

function evidenceForm(s, it, card) {
  const id = 'ev-' + it.itemId;
  const form = el('form', { class: 'std-form', novalidate: true, 'data-testid': 'evidence-form' },
    el('label', { for: id, text: '达标情况说明' }),
    el('textarea', { id, name: 'evidence', maxlength: '2000', 'data-testid': 'field-evidence', text: it.evidence || '' }),
    el('label', { for: id + '-photo', text: it.hasPhoto ? '换一张照片（选填，不换则保留原照片）' : '照片（选填）' }),
    el('input', { type: 'file', id: id + '-photo', name: 'photoId', accept: 'image/jpeg,image/png', 'data-testid': 'field-photo' }),
    el('div', { class: 'form-error' }),
    el('div', { class: 'std-actions' },
      el('button', { type: 'button', class: 'btn btn-default', text: '取消', onclick: () => form.remove() }),
      el('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'evidence-submit', text: '提交审核' })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = form.elements.photoId.files[0];
    try {
      const b = { version: it.version, year: s.year, evidence: form.elements.evidence.value.trim() };
      if (file) {
        const data = new FormData();
        data.append('file', file);
        b.photoId = (await api('/api/v1/uploads', { method: 'POST', body: data, auth: false, timeoutMs: 60000 })).uploadId;
      }
      render(await api(`/api/v1/stations/${s.stationId}/standards/${it.itemId}`, { method: 'PUT', body: b }));
      toast('已提交，等待审核');
    } catch (err) {
      fromApi(form, err, form.querySelector('.form-error'));
    }
  });
  card.append(form);
  form.elements.evidence.focus();
}

async function review(s, it, decision, noteText, form) {
  try {
    render(await api(`/api/v1/stations/${s.stationId}/standards/${it.itemId}/review`, { method: 'POST',
      body: { version: it.version, year: s.year, decision, note: noteText || null } }));
    toast(decision === 'PASS' ? '已通过' : '已退回');
  } catch (err) {
    if (form) fromApi(form, err, form.querySelector('.form-error'));
    else showError(err);
  }
}

function returnForm(s, it, card) {
  const id = 'note-' + it.itemId;
  const form = el('form', { class: 'std-form', novalidate: true, 'data-testid': 'return-form' },
    el('label', { for: id, text: '退回意见（写明需要补充的内容）' }),
    el('textarea', { id, name: 'note', maxlength: '500', 'data-testid': 'field-note' }),
    el('div', { class: 'form-error' }),
    el('div', { class: 'std-actions' },
      el('button', { type: 'button', class: 'btn btn-default', text: '取消', onclick: () => form.remove() }),
      el('button', { type: 'submit', class: 'btn btn-warn', 'data-testid': 'return-submit', text: '确认退回' })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    review(s, it, 'RETURN', form.elements.note.value.trim(), form);
  });
  card.append(form);
  form.elements.note.focus();
}

function actions(s, it, card) {
  const a = it.allowed;
  if (!a.length) return null;
  const fill1 = { EMPTY: '填报', PENDING: '修改材料', RETURNED: '补充后重新提交' }[it.state] || '填报';
  return el('div', { class: 'std-actions' },
    a.includes('submit') ? el('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'action-submit', text: fill1,
      onclick: () => { if (!card.querySelector('form')) evidenceForm(s, it, card); } }) : null,
    a.includes('pass') ? el('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'action-pass', text: '通过',
      onclick: () => review(s, it, 'PASS', null, null) }) : null,
    a.includes('return') ? el('button', { type: 'button', class: 'btn btn-warn', 'data-testid': 'action-return', text: '退回',
      onclick: () => { if (!card.querySelector('form')) returnForm(s, it, card); } }) : null);
}

function card(s, it) {
  const c = el('section', { class: 'std-item', 'data-testid': 'std-item', 'data-item': String(it.itemId), 'data-state': it.state });
  c.append(el('div', { class: 'head' }, el('h2', { class: 'title', text: it.name }),
    el('span', { class: 'tag tone-' + TONE[it.state], 'data-testid': 'item-state', text: it.stateLabel + (it.current ? '' : '（已停用）') })),
  it.hint ? el('div', { class: 'hint', text: it.hint }) : '',
  it.evidence ? el('div', { class: 'evidence', 'data-testid': 'item-evidence', text: it.evidence }) : '',
  it.hasPhoto ? photo(s, it) : '',
  it.submittedAt ? el('div', { class: 'meta', text: '填报于 ' + fmtTime(it.submittedAt) + (it.reviewedAt ? ' · 审核于 ' + fmtTime(it.reviewedAt) : '') }) : '',
  note(it) || '', history(it) || '', actions(s, it, c) || '');
  return c;
}

function render(s) {
  $('#title').textContent = s.stationName + ' · 规范化建设';
  $('#sub').textContent = `${s.checklistName} · 共 ${s.counts.items} 项`;
  const admin = account().role === 'ADMIN';
  fill(body,
    admin ? el('div', { class: 'footer' }, el('a', { href: '/manage/standards', text: '‹ 返回本地区联络站' })) : null,
    el('div', { class: 'std-row' }, el('div', { class: 'name', text: `${s.year} 年度` }), counts(s.counts)),
    s.items.map((it) => card(s, it)));
}

/** The committee's editor of its region's own checklist (an inherited list is the starting point of a new one). */
function checklistEditor(c) {
  const rows = (c.own ? c.items : c.items.map((i) => ({ name: i.name, hint: i.hint }))).map((i) => ({ id: i.id || null, name: i.name, hint: i.hint }));
  const list = el('div', { class: 'cells std-edit' });
  const form = el('form', { class: 'form', novalidate: true, 'data-testid': 'checklist-form' }, list, el('div', { class: 'form-error' }));
  const draw = () => fill(list, rows.map((r, i) => el('div', { class: 'cell' },
    el('input', { type: 'text', name: `items[${i}].name`, value: r.name, maxlength: '32', 'aria-label': `第 ${i + 1} 项名称`,
      'data-testid': 'checklist-name', oninput: (e) => { r.name = e.target.value; } }),
    el('button', { type: 'button', class: 'btn btn-warn', text: '停用', onclick: () => { rows.splice(i, 1); draw(); } }))));
  draw();
  form.append(el('div', { class: 'std-actions' },
    el('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'checklist-add', text: '添加一项', onclick: () => { rows.push({ id: null, name: '', hint: null }); draw(); } }),
    el('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'checklist-save', text: '保存本级清单' })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api(`/api/v1/regions/${c.regionId}/standards`, { method: 'PUT', body: { version: c.version, items: rows.map((r) => ({ id: r.id, name: r.name.trim(), hint: r.hint })) } });
      toast('清单已保存');
      loadRegion(c.regionId);
    } catch (err) {
      fromApi(form, err, form.querySelector('.form-error'));
    }
  });
  return form;
}

function checklistSection(c) {
  const box = el('div', { 'data-testid': 'checklist' });
  fill(box, el('div', { class: 'section-title', text: c.own ? `${c.regionName}的达标清单（本级设置）` : `${c.regionName}沿用${c.inForceName}` }),
    el('div', { class: 'std-row' }, el('div', { class: 'name', text: c.items.map((i) => i.name).join('、') || '（无）' }),
      c.retired.length ? el('div', { class: 'nums', text: '已停用：' + c.retired.map((i) => i.name).join('、') }) : null),
    el('div', { class: 'std-actions', style: 'padding: 0 16px' }, el('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'checklist-edit',
      text: c.own ? '编辑本级清单' : '为本地区单独设置清单', onclick: (e) => { e.target.closest('.std-actions').replaceWith(checklistEditor(c)); } })));
  return box;
}

async function loadRegion(regionId) {
  const [m, c] = await Promise.all([api(`/api/v1/regions/${regionId}/standards/map?year=${year}`), api(`/api/v1/regions/${regionId}/standards`)]);
  $('#title').textContent = m.regionName + ' · 联络站规范化建设';
  $('#sub').textContent = '待审核的联络站在前；点联络站逐项审核';
  fill(body, ...mapSection(m, (s) => `/manage/standards?station=${s.id}&year=${year}`, (r) => `/manage/standards?region=${r.id}&year=${year}`, true).flat(),
    checklistSection(c));
}

async function go() {
  if (!requireLogin()) return;
  try {
    const station = stationParam();
    if (station) {
      render(await api(`/api/v1/stations/${encodeURIComponent(station)}/standards?year=${year}`));
      return;
    }
    const region = params.get('region') || account().regionId;
    if (account().role !== 'ADMIN' || !region) throw new Error('缺少联络站参数 ?station=');
    await loadRegion(encodeURIComponent(region));
  } catch (e) {
    showError(e, body);
  }
}

for (const y of [thisYear, thisYear - 1]) yearSelect.append(el('option', { value: String(y), text: `${y} 年度`, selected: y === year }));
yearSelect.addEventListener('change', () => { year = Number(yearSelect.value); go(); });
go();
