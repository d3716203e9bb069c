// 办理进度 add-on: tells the resident that deputies carried their concern into a 代表建议 (issue 24).
// track.js renders the page and announces the view (event track:view); this module only adds the line.
import { el, $ } from './api.js';

document.addEventListener('track:view', (ev) => {
  const box = $('#track-suggestions');
  const list = (ev.detail && ev.detail.suggestions) || [];
  box.classList.toggle('hidden', list.length === 0);
  box.replaceChildren(...(list.length ? [
    el('div', { class: 'section-title', text: '代表已据此提出建议' }),
    el('ul', { class: 'timeline' }, list.map((s) => el('li', { 'data-testid': 'suggestion-link' },
      el('div', { text: '《' + s.title + '》' + (s.number ? '（' + s.number + '）' : '') }),
      el('div', { class: 'body', text: s.sessionName + ' · ' + s.stateLabel })))),
  ] : []));
});
