// 码上联络 — errors at the field: one helper for every form. show() puts each message under its field (by name or
// id, or a [data-field] group such as the category chips), marks it aria-invalid, scrolls the first one into the
// middle of the screen (clear of the fixed submit bar) and focuses it; a field's message goes when it is edited.
// fromApi() shows a server 400/422 problem+json at the field it names (ApiError.errors), else in the fallback box.
import { el, showError } from './api.js';

function control(form, field) {
  return form.querySelector(`[name="${field}"]`) || form.querySelector('#' + CSS.escape(field))
    || form.querySelector(`[data-field="${field}"]`);
}

function anchor(c) {
  return c.closest('[data-field]') || c.closest('.cell') || c;
}

function clearOne(c) {
  const a = anchor(c);
  const msg = a.nextElementSibling && a.nextElementSibling.classList.contains('field-error') ? a.nextElementSibling : null;
  if (msg) msg.remove();
  c.removeAttribute('aria-invalid');
}

/** Removes every field message of the form. */
export function clearFieldErrors(form) {
  form.querySelectorAll('.field-error').forEach((m) => m.remove());
  form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
}

/** Shows [{ field, message }] at their fields; answers the messages no field of the form took. */
export function showFieldErrors(form, errors) {
  clearFieldErrors(form);
  const left = [];
  let first = null;
  for (const { field, message } of errors) {
    const c = field ? control(form, field) : null;
    if (!c) { left.push(message); continue; }
    const id = 'err-' + String(field).replace(/[^\w-]/g, '');
    anchor(c).after(el('div', { class: 'field-error', id, role: 'alert', text: message }));
    const target = c.matches('input, select, textarea') ? c : c.querySelector('input, select, textarea') || c;
    target.setAttribute('aria-invalid', 'true');
    target.setAttribute('aria-describedby', id);
    const group = c.matches('[data-field]') ? c : target;
    group.addEventListener(group === target && target.type !== 'checkbox' && target.type !== 'radio' ? 'input' : 'change',
      () => clearOne(target), { once: true });
    if (!first) first = target;
  }
  if (first) {
    anchor(first).scrollIntoView({ block: 'center', behavior: 'auto' });
    first.focus({ preventScroll: true });
  }
  return left;
}

/** A failed call: at the field the server named, or in the box (a toast without one). */
export function fromApi(form, err, box) {
  const left = err && err.errors && err.errors.length
    ? showFieldErrors(form, err.errors.map((e) => ({ field: e.field, message: e.message || err.message })))
    : null;
  if (left === null || left.length) showError(err, box);
}
