// 码上联络 — a 代表建议 as the deputy (/work/suggestions), the committee (/manage/suggestions) and the unit
// (/dept/suggestions) see it: the list rows, the detail (text, concerns, units, reply deadline, rating, timeline with
// the replies of each handling round) and the actions the server allows (register, assign, reply, rate), each as a
// bottom sheet of js/concern-sheet.js.
import { api, el, fill, fmtTime, showError } from './api.js';
import { actionSheet, field, textArea, fact } from './concern-sheet.js';
import { label, tag } from './labels.js';

const TONE = { SUBMITTED: 'pending', REGISTERED: 'pending', ASSIGNED: 'active', REPLIED: 'pending', CLOSED: 'muted' };
const LABEL = { register: '登记编号', assign: '交办承办单位', reply: '答复建议', rate: '评价答复' };
const DONE = { register: '已登记', assign: '已交办承办单位，答复期限按工作日计算', reply: '答复已提交，代表会收到通知',
  rate: '评价已提交' };
// the words of a rating are the server's (labels.js); 不满意 here also says what it starts
export const RATINGS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']
  .map((v) => [v, label('ratings', v) + (v === 'DISSATISFIED' ? '（二次办理）' : '')]);

/** The tags of a suggestion's state (and 答复超期 when the unit's reply is late). */
export function stateTags(s) {
  return [tag(s.stateLabel, TONE[s.state], { 'data-testid': 'state' }),
    s.round > 1 && s.state !== 'CLOSED' ? tag('二次办理', 'pending') : null,
    s.overdue ? tag('答复超期', 'alert', { 'data-testid': 'overdue' }) : null];
}

/** A row of a list; a tap opens the detail on the same page (?id=). */
export function row(s) {
  const due = s.replyDue ? ' · 答复期限 ' + fmtTime(s.replyDue).slice(0, 10) : '';
  return el('li', { 'data-testid': 'suggestion-item', 'data-id': String(s.id) },
    el('a', { href: location.pathname + '?id=' + s.id },
      el('div', { class: 'row1' }, el('span', {}, ...stateTags(s)), el('span', { text: s.number || '未登记' })),
      el('div', { class: 'summary', text: s.title }),
      el('div', { class: 'meta', text: s.sessionName + ' · ' + s.authorName + (s.leadUnitName ? ' · ' + s.leadUnitName : '') + due })));
}

/** Loads pages of /api/v1/suggestions into a list; answers load(first) for the page's filter and 加载更多 button. */
export function pagedList({ list, empty, more, errorBox, query }) {
  let cursor = null;
  async function load(first) {
    const q = new URLSearchParams(query());
    q.set('size', '20');
    if (!first && cursor) q.set('cursor', cursor);
    try {
      const page = await api('/api/v1/suggestions?' + q);
      if (first) list.replaceChildren();
      list.append(...page.items.map(row));
      cursor = page.nextCursor;
      more.classList.toggle('hidden', !cursor);
      empty.classList.toggle('hidden', list.children.length > 0);
      errorBox.replaceChildren();
    } catch (e) {
      showError(e, errorBox);
    }
  }
  more.addEventListener('click', () => load(false));
  return load;
}

function input(name, attrs = {}) {
  return el('input', { type: 'text', id: 'f-' + name, name, 'data-testid': 'field-' + name, ...attrs });
}

/** The form of an action; departments: [{id, name}] of the committee's region (for assign). */
function fieldsOf(action, departments) {
  switch (action) {
    case 'register': return [field('登记编号', input('number', { required: true, maxlength: '32', placeholder: '如 第0012号' }))];
    case 'assign': return [
      field('主办单位', el('select', { id: 'f-leadDepartmentId', name: 'leadDepartmentId', required: true, 'data-testid': 'field-leadDepartmentId' },
        el('option', { value: '', text: '请选择主办单位' }), ...departments.map((d) => el('option', { value: String(d.id), text: d.name })))),
      el('div', { class: 'cell' }, el('span', { id: 'co-label', text: '协办单位（可多选）' }),
        el('div', { class: 'choices', role: 'group', 'aria-labelledby': 'co-label', 'data-field': 'coDepartmentIds' },
          departments.map((d) => el('label', { for: 'co-' + d.id },
            el('input', { type: 'checkbox', name: 'co', id: 'co-' + d.id, value: String(d.id), 'data-testid': 'co-' + d.id }),
            el('span', { text: d.name }))))),
      field('答复期限（工作日）', input('replyWorkingDays', { inputmode: 'numeric', placeholder: '不填按规定（60 个工作日）' }),
        '按工作日历计算，节假日顺延')];
    case 'reply': return [field('答复意见', textArea('text', '承办单位对建议的答复，代表会看到并评价', true))];
    case 'rate': return [
      el('fieldset', { class: 'cell choices', id: 'f-rating' }, el('legend', { text: '对答复的评价' }),
        RATINGS.map(([v, t]) => el('label', { for: 'rating-' + v },
          el('input', { type: 'radio', name: 'rating', id: 'rating-' + v, value: v, 'data-testid': 'rating-' + v }), el('span', { text: t })))),
      field('评价意见', textArea('comment', '选填；不满意时请写明原因，承办单位二次办理', false))];
    default: return [];
  }
}

function bodyOf(action, form, version) {
  const v = (n) => (form.elements[n] ? form.elements[n].value.trim() : '');
  const b = { version };
  if (action === 'register') b.number = v('number');
  if (action === 'assign') {
    b.leadDepartmentId = Number(v('leadDepartmentId')) || null;
    b.coDepartmentIds = [...form.querySelectorAll('input[name=co]:checked')].map((c) => Number(c.value))
      .filter((c) => c !== b.leadDepartmentId);
    if (v('replyWorkingDays')) b.replyWorkingDays = Number(v('replyWorkingDays'));
  }
  if (action === 'reply') b.text = v('text');
  if (action === 'rate') {
    const c = form.querySelector('input[name=rating]:checked');
    b.rating = c ? c.value : null;
    if (v('comment')) b.comment = v('comment');
  }
  return b;
}

function event(e) {
  const who = [e.unitName, e.ratingLabel, e.round > 1 ? '第二轮' : null].filter(Boolean).join(' · ');
  return el('li', { 'data-testid': 'event', 'data-type': e.type },
    el('div', {}, el('strong', { text: e.label }), who ? el('span', { class: 'actor', text: ' ' + who }) : null),
    e.body ? el('div', { class: 'body', text: e.body }) : null,
    el('div', { class: 'when', text: fmtTime(e.at) }));
}

/** The latest reply of the unit, shown on top for the deputy to rate. */
function latestReply(s) {
  const r = [...s.timeline].reverse().find((e) => e.type === 'REPLIED');
  if (!r || (s.state !== 'REPLIED' && s.state !== 'CLOSED')) return null;
  return el('div', { class: 'answer reply-box', 'data-testid': 'reply' },
    el('div', { class: 'when', text: (r.unitName || '承办单位') + ' 答复' + (r.round > 1 ? '（二次办理）' : '') + ' · ' + fmtTime(r.at) }),
    el('div', { class: 'body', text: r.body }));
}

/**
 * The detail of a suggestion in box, with the action bar and sheet; departments() answers the units the committee
 * may assign (called only for assign). Answers show(id).
 */
export function detail({ box, bar, departments = async () => [] }) {
  let current = null;
  let units = [];
  async function show(id) {
    try {
      current = await api('/api/v1/suggestions/' + encodeURIComponent(id));
    } catch (e) {
      showError(e, box);
      return;
    }
    if (current.allowedActions.includes('assign') && !units.length) units = await departments().catch(() => []);
    render(current);
  }
  const sheet = actionSheet({
    looks: { register: 'primary', assign: 'primary', reply: 'primary', rate: 'primary' },
    labelOf: (a) => LABEL[a] || a,
    fieldsOf: (a) => fieldsOf(a, units),
    bodyOf: (a, form) => bodyOf(a, form, current.version),
    post: (a, body) => api('/api/v1/suggestions/' + current.id + '/actions/' + a, { method: 'POST', body }),
    done: (s) => { current = s; render(s); },
    reload: () => show(current.id),
    doneText: (a) => DONE[a]
  });
  function render(s) {
    const people = s.jointDeputies.length ? s.author.name + '（领衔），' + s.jointDeputies.map((p) => p.name).join('、') : s.author.name;
    const due = s.replyDue ? fmtTime(s.replyDue).slice(0, 10) + (s.overdue ? '（已超期）' : '') : null;
    fill(box,
      el('div', { class: 'hd' }, el('div', { class: 'status-hd' }, ...stateTags(s)),
        el('h2', { class: 'title', 'data-testid': 'title', text: s.title }),
        el('p', { 'data-testid': 'number', text: s.number ? '登记编号 ' + s.number : '尚未登记' })),
      latestReply(s),
      el('div', { class: 'cells', 'data-testid': 'facts' },
        fact('会议', s.sessionName), fact('类别', s.category), fact('代表', people, 'deputies'),
        fact('主办单位', s.leadUnit && s.leadUnit.name, 'lead-unit'),
        fact('协办单位', s.coUnits.map((u) => u.name).join('、'), 'co-units'),
        fact('答复期限', due, 'reply-due'), fact('评价', s.ratingLabel, 'rating')),
      el('div', { class: 'section-title', text: '建议内容' }),
      el('div', { class: 'content-box', 'data-testid': 'body', text: s.body }),
      el('div', { class: 'section-title', text: '来自群众反映（' + s.concerns.length + ' 件）' }),
      el('div', { class: 'cells', 'data-testid': 'concerns' }, s.concerns.map((c) => el('div', { class: 'cell' },
        el('span', { class: 'cell__bd', text: c.trackingNo + ' · ' + c.category }), el('span', { class: 'cell__ft', text: c.stateLabel })))),
      el('div', { class: 'section-title', text: '办理过程' }),
      el('ol', { class: 'timeline', 'data-testid': 'timeline' }, [...s.timeline].reverse().map(event)));
    sheet.bar(bar, s.allowedActions);
  }
  return { show };
}
