// 码上联络 — the words for enum values (states, actions, outcomes, roles, …) and the tone of each state's tag,
// from the server: the shared page head carries them as a data block (#labels, the same JSON as /api/v1/labels).
import { el } from './api.js';

const node = document.getElementById('labels');
const catalogue = node ? JSON.parse(node.textContent) : {};

/** The entries of one list, in the server's order: [{value, label, tone?, path?, choosable?}]. */
export function entries(list) {
  return catalogue[list] || [];
}

function find(list, value) {
  return entries(list).find((e) => e.value === value);
}

/** The words for a value of a list (e.g. label('states', 'REJECTED') → 不予受理); the value itself if unknown. */
export function label(list, value) {
  const e = find(list, value);
  return e ? e.label : value;
}

/** The staff action with this URL path (e.g. 'department-answer'). */
export function actionByPath(path) {
  return entries('actions').find((a) => a.path === path);
}

/** A tag coloured by its tone (one CSS rule per tone: .tag.tone-active / -pending / -alert / -muted). */
export function tag(text, tone, attrs = {}) {
  return el('span', { ...attrs, class: 'tag' + (tone ? ' tone-' + tone : ''), text });
}

/** The tag of a value of a toned list (states, colours, bookingStatuses, sessionStatuses). */
export function toneTag(list, value, text, attrs) {
  const e = find(list, value);
  return tag(text || (e ? e.label : value), e && e.tone, attrs);
}

/** The class of a state's tag, for elements already on the page. */
export function toneClass(list, value) {
  const e = find(list, value);
  return 'tag' + (e && e.tone ? ' tone-' + e.tone : '');
}
