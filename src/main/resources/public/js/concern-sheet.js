// 码上联络 — what the deputy's and the department's concern pages share: the action bar, the bottom-sheet form of an
// action (built here, validated at the field, a server 400 shown at the field it names), the words each action
// says when it is done, the fact rows and the photos (a tap opens the full-size view).
import { api, el, $, toast } from './api.js';
import { showFieldErrors, clearFieldErrors, fromApi } from './field-errors.js';

/** What the toast says after each action (not always "已保存"). */
const DONE = {
  accept: '已受理，此反映由您承办', assign: '已指派承办代表', reply: '答复已发送，群众可在进度中看到', note: '内部备注已保存',
  refer: '已交办给部门', urge: '已催办', escalate: '已列入督办', 'department-answer': '部门答复已记录',
  'request-extension': '延期申请已提交，等待审批', 'approve-extension': '已批准延期', 'reject-extension': '已驳回延期申请',
  resolve: '已办结，群众会收到办理结果', reject: '已不予受理，理由会告知群众', merge: '已合并到另一条反映',
  sign: '已签收，开始计算答复期限', 'dept-answer': '答复已提交联络站', return: '已退回联络站'
};

export function field(label, input, hint) {
  const box = el('div', { class: 'cell' }, el('label', { for: input.id, text: label }), input);
  if (hint) box.append(el('div', { class: 'cell__desc', text: hint }));
  return box;
}

export function textArea(name, placeholder, required) {
  return el('textarea', { id: 'f-' + name, name, maxlength: '2000', placeholder, required, 'data-testid': 'field-' + name });
}

/** A fact row, or null for an empty value. */
export function fact(label, value, testid) {
  if (value === null || value === undefined || value === '') return null;
  return el('div', { class: 'cell' }, el('span', { class: 'cell__hd', text: label }),
    el('span', { class: 'cell__bd', text: value, 'data-testid': testid }));
}

/**
 * The place the resident attached (issue 22): one line (community, source, accuracy) and, for a position, a link
 * out to AMap (the server converts the WGS-84 position to GCJ-02 for it). Null when the concern has no place.
 */
export function placeFacts(location) {
  if (!location) return [];
  return [fact('位置', location.summary, 'fact-location'),
    location.mapUrl ? el('a', { class: 'cell', href: location.mapUrl, target: '_blank', rel: 'noopener noreferrer',
      'data-testid': 'map-link' }, el('span', { class: 'cell__bd', text: '在高德地图中查看位置' })) : null];
}

/** The photos of a concern (fetched with the staff token); a tap opens the full-size view. */
export function showPhotos(box, photos) {
  box.replaceChildren();
  box.classList.toggle('hidden', !photos.length);
  photos.forEach((p, i) => {
    const img = el('img', { alt: '反映图片 ' + (i + 1), width: '76', height: '76' });
    api(p.url, { as: 'blob' }).then((b) => { img.src = URL.createObjectURL(b); }).catch(() => null);
    box.append(el('button', { type: 'button', class: 'photo', 'data-testid': 'photo', 'aria-label': '查看大图 ' + (i + 1),
      onclick: () => viewer(img.src) }, img));
  });
}

function viewer(src) {
  if (!src) return;
  const close = () => v.remove();
  const v = el('div', { class: 'photo-viewer', role: 'dialog', 'aria-label': '图片大图', 'data-testid': 'photo-viewer', onclick: close },
    el('img', { src, alt: '反映图片（大图）' }),
    el('button', { type: 'button', class: 'btn btn-default', 'data-testid': 'photo-close', text: '关闭', onclick: close }));
  document.body.append(v);
  v.querySelector('button').focus();
}

/**
 * The action bar and sheet of a concern page. looks: { action: 'primary' | 'warn' | '' }; labelOf(action);
 * fieldsOf(action) → field nodes; bodyOf(action, form) → request body; post(action, body) → the new concern;
 * done(concern) re-renders; reload() after a 409; doneText(action), optional, the toast's words (else this module's).
 */
export function actionSheet({ looks, labelOf, fieldsOf, bodyOf, post, done, reload, doneText = () => null }) {
  const mask = el('div', { class: 'sheet-mask hidden', id: 'sheet-mask' });
  const form = el('form', { class: 'sheet form hidden', id: 'sheet', 'data-testid': 'action-sheet', novalidate: true },
    el('div', { class: 'sheet-title', id: 'sheet-title' }), el('div', { class: 'cells', id: 'sheet-fields' }),
    el('div', { id: 'sheet-error' }),
    el('div', { class: 'sheet-buttons' },
      el('button', { type: 'button', class: 'btn btn-default', id: 'sheet-cancel', 'data-testid': 'sheet-cancel', text: '取消' }),
      el('button', { type: 'submit', class: 'btn btn-primary', id: 'sheet-submit', 'data-testid': 'sheet-submit', text: '确定' })));
  document.querySelector('main').append(mask, form);
  let current = null;
  const close = () => { current = null; form.classList.add('hidden'); mask.classList.add('hidden'); };
  function open(action) {
    current = action;
    form.dataset.action = action;
    $('#sheet-title').textContent = labelOf(action);
    $('#sheet-fields').replaceChildren(...fieldsOf(action));
    $('#sheet-error').replaceChildren();
    form.classList.remove('hidden');
    mask.classList.remove('hidden');
    const first = form.querySelector('textarea, select, input');
    if (first) first.focus();
  }
  function missing() {
    const out = [];
    for (const c of form.querySelectorAll('[required]')) {
      if (!c.value.trim()) out.push({ field: c.name, message: '请填写' + ((c.labels && c.labels[0]) ? c.labels[0].textContent : '此项') });
    }
    const group = form.querySelector('fieldset.choices');
    if (group && !group.querySelector('input:checked')) {
      group.dataset.field = group.id;
      out.unshift({ field: group.id, message: '请选择' + group.querySelector('legend').textContent });
    }
    return out;
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!current) return;
    const empty = missing();
    if (empty.length) { showFieldErrors(form, empty); return; }
    clearFieldErrors(form);
    const button = $('#sheet-submit');
    button.disabled = true;
    const action = current;
    try {
      const result = await post(action, bodyOf(action, form));
      close();
      done(result);
      toast(doneText(action) || DONE[action] || '已完成');
    } catch (err) {
      fromApi(form, err, $('#sheet-error'));
      if (err.status === 409) reload();
    } finally {
      button.disabled = false;
    }
  });
  $('#sheet-cancel').addEventListener('click', close);
  mask.addEventListener('click', close);
  return {
    /** Draws the buttons of the allowed actions into the bar. */
    bar(box, allowed) {
      box.replaceChildren(...allowed.filter((a) => a in looks).map((a) => el('button', {
        type: 'button', class: 'btn ' + (looks[a] === 'primary' ? 'btn-primary' : looks[a] === 'warn' ? 'btn-warn' : 'btn-default'),
        id: 'action-' + a, 'data-testid': 'action-' + a, 'data-action': a, text: labelOf(a), onclick: () => open(a)
      })));
      box.classList.toggle('hidden', !allowed.some((a) => a in looks));
    }
  };
}
