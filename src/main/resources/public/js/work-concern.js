// 码上联络 — a concern in the deputy workspace (/work/concerns/{id}): facts, the full timeline (internal rows
// marked), the audited contact reveal, and the actions the server allows, each as a bottom-sheet form.
import { api, download, el, $, fmtTime, showError, lastSegment, requireLogin } from './api.js';
import { actionSheet, field, textArea, fact, placeFacts, showPhotos } from './concern-sheet.js';
import { actionByPath, entries, toneClass } from './labels.js';

const id = lastSegment();
let concern = null;

/** How each action's button looks (its words come from the server's labels); actions without a form are left out. */
const LOOK = {
  accept: 'primary', assign: '', reply: 'primary', note: '', refer: '', 'department-answer': '', 'request-extension': '',
  'approve-extension': 'primary', 'reject-extension': 'warn', resolve: 'primary', reject: 'warn', merge: '', urge: '', escalate: ''
};

function actionLabel(path) {
  const a = actionByPath(path);
  return a ? a.label : path;
}

function select(name, options, placeholder) {
  return el('select', { id: 'f-' + name, name, required: true, 'data-testid': 'field-' + name },
    el('option', { value: '', text: placeholder }),
    ...options.map((o) => el('option', { value: String(o.id), text: o.name })));
}

function dateInput(name) {
  return el('input', { type: 'date', id: 'f-' + name, name, 'data-testid': 'field-' + name });
}

/** The form fields of an action. */
function fieldsOf(action) {
  const o = concern.options || { deputies: [], departments: [] };
  switch (action) {
    case 'accept': return [el('p', { class: 'hint', text: '受理后此反映由您承办，群众会看到“已受理”。' })];
    case 'assign': return [field('承办代表', select('deputyId', o.deputies, '请选择本站代表'))];
    case 'reply': return [field('答复内容', textArea('text', '群众会在办理进度中看到这段答复', true), '公开：群众可见')];
    case 'note': return [field('备注内容', textArea('text', '仅工作人员可见', true), '内部：群众看不到')];
    case 'refer': return [field('交办部门', select('departmentId', o.departments, '请选择部门')),
      field('办理期限', dateInput('deadline'), '不填则按规则的工作日数计算'),
      field('交办说明', textArea('text', '选填', false)),
      el('label', { class: 'cell', for: 'f-shareContact' }, el('input', { type: 'checkbox', id: 'f-shareContact', name: 'shareContact', 'data-testid': 'field-shareContact' }),
        el('span', { text: ' 向部门提供群众联系方式（查看会留痕）' }))];
    case 'urge': return [field('催办意见', textArea('text', '发给承办部门', true)),
      field('新的办理期限', dateInput('deadline'), '选填')];
    case 'escalate': return [field('督办意见', textArea('text', '列入督办', true))];
    case 'department-answer': return [field('部门答复', textArea('text', '部门的答复内容（群众可见）', true))];
    case 'request-extension': return [field('延期至', dateInput('until')),
      field('延期理由', textArea('text', '说明需要延期的原因（站长审批）', true))];
    case 'approve-extension':
    case 'reject-extension': return [field('审批意见', textArea('text', '选填', false))];
    case 'resolve': return [
      el('fieldset', { class: 'cell choices', id: 'f-outcome' }, el('legend', { text: '办理结果' }),
        ...entries('outcomes').filter((o) => o.choosable).map(({ value: v, label: t }) =>
          el('label', { for: 'outcome-' + v }, el('input', { type: 'radio', name: 'outcome', id: 'outcome-' + v, value: v, 'data-testid': 'outcome-' + v }), el('span', { text: t })))),
      field('办结说明', textArea('text', '群众会看到办理结果和说明', true))];
    case 'reject': return [field('不予受理理由', textArea('text', '理由会告知群众', true))];
    case 'merge': return [field('合并到反映编号（#后的数字）', el('input', { type: 'text', inputmode: 'numeric', id: 'f-intoId', name: 'intoId', required: true, 'data-testid': 'field-intoId' })),
      field('说明', textArea('text', '选填', false))];
    default: return [];
  }
}

function bodyOf(action, form) {
  const b = { version: concern.version };
  const v = (n) => (form.elements[n] ? form.elements[n].value.trim() : '');
  if (v('text')) b.text = v('text');
  if (action === 'assign') b.deputyId = Number(v('deputyId')) || null;
  if (action === 'refer') {
    b.departmentId = Number(v('departmentId')) || null;
    if (v('deadline')) b.deadline = v('deadline');
    b.shareContact = !!(form.elements.shareContact && form.elements.shareContact.checked);
  }
  if (action === 'urge' && v('deadline')) b.deadline = v('deadline');
  if (action === 'request-extension' && v('until')) b.until = v('until');
  if (action === 'resolve') { const c = form.querySelector('input[name=outcome]:checked'); b.outcome = c ? c.value : null; }
  if (action === 'merge') b.intoId = Number(v('intoId')) || null;
  return b;
}

function render() {
  const c = concern;
  $('#loading').classList.add('hidden');
  $('#detail').classList.remove('hidden');
  $('#concern-title').textContent = '#' + c.id + ' ' + c.category;
  const tag = $('#state-tag');
  tag.textContent = c.stateLabel;
  tag.className = toneClass('states', c.state);
  $('#overdue-tag').classList.toggle('hidden', !c.overdue);
  $('#tracking-no').textContent = c.trackingNo + ' · ' + fmtTime(c.createdAt);
  $('#content').textContent = c.content;
  showPhotos($('#photos'), c.photos);
  $('#facts').replaceChildren(...[
    fact('联络站', c.stationName, 'fact-station'),
    fact('反映对象', c.deputyName && c.deputyName + ' 代表', 'fact-deputy'),
    fact('承办代表', c.assigneeName, 'fact-assignee'),
    fact('地址', c.address, 'fact-address'),
    ...placeFacts(c.location),
    fact('交办部门', c.departmentName, 'fact-department'),
    fact('办理期限', c.departmentDeadline && fmtTime(c.departmentDeadline), 'fact-deadline'),
    fact('办理结果', c.outcomeLabel, 'fact-outcome'),
    fact('合并到', c.mergedInto && ('#' + c.mergedInto.id + ' ' + c.mergedInto.trackingNo), 'fact-merged'),
    fact('群众评价', c.ratingLabel && (c.ratingLabel + (c.ratingComment ? '：' + c.ratingComment : '')), 'fact-rating'),
    fact('重新办理', c.reopenCount ? c.reopenCount + ' 次' : null, 'fact-reopen'),
    fact('我也反映', c.meTooCount ? c.meTooCount + ' 人' : null, 'fact-metoo')
  ].filter(Boolean));
  $('#contact').textContent = [c.contactName, c.mobileMasked].filter(Boolean).join(' ') || '未留联系方式';
  $('#reveal-contact').classList.toggle('hidden', !c.mobileMasked);
  const pending = $('#pending-extension');
  pending.classList.toggle('hidden', !c.pendingExtension);
  if (c.pendingExtension) {
    pending.textContent = '延期申请待站长审批：延至 ' + fmtTime(c.pendingExtension.until).slice(0, 10)
      + (c.pendingExtension.reason ? '（' + c.pendingExtension.reason + '）' : '');
  }
  $('#timeline').replaceChildren(...c.timeline.slice().reverse().map((e) => el('li', { 'data-testid': 'event', 'data-type': e.type },
    el('div', {}, el('strong', { text: e.label }), e.internal ? el('span', { class: 'tag internal', text: '内部' }) : null,
      el('span', { class: 'actor', text: ' ' + (e.actorName || '') + (e.actorRoleLabel ? '·' + e.actorRoleLabel : '') })),
    e.body ? el('div', { class: 'body', text: e.body }) : null,
    el('div', { class: 'when', text: fmtTime(e.at) }))));
  sheet.bar($('#actions'), c.allowedActions);
}

async function load() {
  try {
    concern = await api('/api/v1/concerns/' + encodeURIComponent(id));
    render();
  } catch (e) {
    $('#loading').classList.add('hidden');
    showError(e, $('#detail-error'));
  }
}

async function revealContact() {
  try {
    const r = await api('/api/v1/concerns/' + encodeURIComponent(id) + '/contact');
    const mobile = r.mobile || '';
    $('#contact').replaceChildren(el('span', { text: (r.contactName || '') + ' ' }),
      mobile ? el('a', { href: 'tel:' + mobile, text: mobile, 'data-testid': 'contact-mobile' }) : '');
    $('#reveal-contact').classList.add('hidden');
  } catch (e) {
    showError(e);
  }
}

function downloadPdf() {
  download('/api/v1/concerns/' + encodeURIComponent(id) + '/record.pdf', 'record-' + concern.trackingNo + '.pdf')
    .catch((e) => showError(e));
}

const sheet = actionSheet({
  looks: LOOK, labelOf: actionLabel, fieldsOf, bodyOf,
  post: (action, body) => api('/api/v1/concerns/' + encodeURIComponent(id) + '/actions/' + action, { method: 'POST', body }),
  done: (c) => { concern = c; render(); },
  reload: () => load()
});

async function init() {
  if (!requireLogin()) return;
  $('#reveal-contact').addEventListener('click', revealContact);
  $('#pdf-button').addEventListener('click', downloadPdf);
  $('#print-link').setAttribute('href', '/manage/concerns/' + encodeURIComponent(id) + '/print');
  api('/api/v1/me').then((me) => {
    if (me.role === 'STATION_HEAD' || me.role === 'ADMIN') $('#record-links').classList.remove('hidden');
  }).catch(() => null);
  await load();
}

init();
