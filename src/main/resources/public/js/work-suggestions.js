// 码上联络 — the deputy's 代表建议 (/work/suggestions): my suggestions with their state; ?id= one of them (number,
// units, deadline, the unit's reply, 评价); ?new=1 drafts one from my concerns (受政策法规所限 ones first), with
// joint deputies of my stations. ?concern= preselects a concern.
import { api, el, $, fill, requireLogin } from './api.js';
import { showFieldErrors, clearFieldErrors, fromApi } from './field-errors.js';
import { tag } from './labels.js';
import { detail, pagedList } from './suggestion-sheet.js';

const params = new URLSearchParams(location.search);
const CATEGORIES = ['城乡建设', '交通运输', '生态环境', '教育', '医疗卫生', '社会保障', '农业农村', '经济发展', '社会治理', '其他'];
let me = null;
let picked = [];

function open(view, title) {
  for (const v of ['list-view', 'detail-view', 'draft-form']) $('#' + v).classList.toggle('hidden', v !== view);
  $('#back-link').classList.toggle('hidden', view === 'list-view');
  $('#page-title').textContent = title;
}

/** My concerns to draft from: those I handled and those in my queue, 受政策法规所限 first. */
async function myConcerns() {
  const [done, todo] = await Promise.all(['done', 'todo'].map((v) => api('/api/v1/me/queue?view=' + v + '&size=50')
    .then((p) => p.items).catch(() => [])));
  const seen = new Set();
  const all = [...done, ...todo].filter((c) => !seen.has(c.id) && seen.add(c.id));
  const policy = (c) => (c.outcome === 'NOT_SOLVABLE_BY_POLICY' ? 0 : 1);
  return all.sort((a, b) => policy(a) - policy(b));
}

function bodyFrom(concerns) {
  return '群众反映：\n' + concerns.map((c) => '· ' + c.summary + '（' + c.trackingNo + '）').join('\n') + '\n\n建议：\n';
}

async function draft() {
  open('draft-form', '从反映起草建议');
  const f = $('#draft-form');
  $('#f-category').append(...CATEGORIES.map((c) => el('option', { value: c, text: c })));
  const concerns = await myConcerns();
  const pre = params.get('concern');
  fill($('#concern-picker'), concerns.length ? concerns.map((c) => el('div', { class: 'cell pick' },
    el('input', { type: 'checkbox', name: 'concern', id: 'c-' + c.id, value: String(c.id), checked: String(c.id) === pre,
      'data-testid': 'pick-concern', 'data-tracking': c.trackingNo }),
    el('label', { class: 'cell__bd', for: 'c-' + c.id }, el('span', {},
      c.outcome === 'NOT_SOLVABLE_BY_POLICY' ? tag('受政策法规所限', 'alert') : null, tag(c.stateLabel, 'muted')),
    el('span', { class: 'cell__desc', text: c.trackingNo + ' · ' + c.category + ' · ' + c.summary }))))
    : el('div', { class: 'empty', text: '您还没有处理过群众反映' }));
  let auto = '';
  $('#concern-picker').addEventListener('change', () => {
    picked = concerns.filter((c) => f.querySelector('#c-' + c.id).checked);
    if ($('#f-body').value === auto) $('#f-body').value = auto = picked.length ? bodyFrom(picked) : '';
  });
  const others = new Map();
  for (const s of me.stations) {
    const st = await api('/api/v1/stations/' + s.id, { auth: false }).catch(() => ({ deputies: [] }));
    for (const d of st.deputies) if (!me.deputy || d.deputyId !== me.deputy.id) others.set(d.deputyId, d.name);
  }
  fill($('#joint-picker'), others.size ? [...others].map(([id, name]) => el('label', { for: 'j-' + id },
    el('input', { type: 'checkbox', name: 'joint', id: 'j-' + id, value: String(id), 'data-testid': 'pick-joint' }),
    el('span', { text: name }))) : el('span', { class: 'cell__desc', text: '本站没有其他代表' }));
  f.addEventListener('submit', submit);
}

async function submit(e) {
  e.preventDefault();
  const f = e.target;
  const v = (n) => f.elements[n].value.trim();
  const concernIds = [...f.querySelectorAll('input[name=concern]:checked')].map((c) => Number(c.value));
  const missing = [];
  if (!concernIds.length) missing.push({ field: 'concernIds', message: '请至少选择一件群众反映' });
  for (const [n, label] of [['title', '标题'], ['sessionName', '会议'], ['category', '类别'], ['body', '内容']]) {
    if (!v(n)) missing.push({ field: n, message: '请填写' + label });
  }
  if (missing.length) { showFieldErrors(f, missing); return; }
  clearFieldErrors(f);
  const button = $('#draft-submit');
  button.disabled = true;
  try {
    const s = await api('/api/v1/suggestions', { method: 'POST', body: { title: v('title'), body: v('body'),
      sessionName: v('sessionName'), category: v('category'), concernIds,
      jointDeputyIds: [...f.querySelectorAll('input[name=joint]:checked')].map((c) => Number(c.value)) } });
    location.href = '/work/suggestions?id=' + s.id;
  } catch (err) {
    fromApi(f, err, $('#draft-error'));
    button.disabled = false;
  }
}

async function start() {
  if (!requireLogin()) return;
  me = await api('/api/v1/me').catch(() => null);
  if (!me || !me.deputy) {
    open('list-view', '我的建议');
    fill($('#list-error'), el('div', { class: 'error-box', role: 'alert', text: '代表建议由代表提出，请使用代表账号登录' }));
    $('#draft-link').classList.add('hidden');
    return;
  }
  if (params.get('id')) {
    open('detail-view', '建议详情');
    detail({ box: $('#detail-view'), bar: $('#actions') }).show(params.get('id'));
  } else if (params.get('new')) {
    draft();
  } else {
    open('list-view', '我的建议');
    pagedList({ list: $('#suggestion-list'), empty: $('#list-empty'), more: $('#load-more'), errorBox: $('#list-error'),
      query: () => ({}) })(true);
  }
}

start();
