// 码上联络 — 代表建议 at the committee (/manage/suggestions: the region's, by state; register, assign lead and co-units
// with a reply deadline in working days, record a reply; 答复超期 marked) and at a unit (/dept/suggestions: those
// assigned to the department; the lead unit replies): one page file, suggestions-desk.html. ?id= opens one.
import { api, $, requireLogin } from './api.js';
import { detail, pagedList } from './suggestion-sheet.js';

const params = new URLSearchParams(location.search);
const committee = location.pathname.startsWith('/manage/');

function open(view, title) {
  for (const v of ['list-view', 'detail-view']) $('#' + v).classList.toggle('hidden', v !== view);
  $('#back-link').classList.toggle('hidden', view === 'list-view');
  $('#page-title').textContent = title;
}

async function start() {
  if (!requireLogin()) return;
  if (!committee) {
    $('#filters').remove();
    $('#back-link').href = '/dept/suggestions';
    $('#hint').textContent = '交由本单位办理的代表建议：主办单位在期限内答复，代表评价；不满意的二次办理。';
    $('#page-title').textContent = '建议办理';
    document.title = '建议办理 · 码上联络';
  }
  const me = await api('/api/v1/me').catch(() => null);
  if (params.get('id')) {
    open('detail-view', '建议详情');
    const region = me && me.region ? me.region.id : null;
    const departments = async () => (region === null ? []
      : (await api('/api/v1/regions/' + region + '/departments')).map((d) => ({ id: d.departmentId, name: d.name })));
    detail({ box: $('#detail-view'), bar: $('#actions'), departments }).show(params.get('id'));
    return;
  }
  open('list-view', committee ? (me && me.region ? me.region.name + ' · ' : '') + '代表建议' : (me ? me.displayName + ' · ' : '') + '建议办理');
  const state = $('#f-state');
  if (state && params.get('state')) state.value = params.get('state');
  const load = pagedList({ list: $('#suggestion-list'), empty: $('#list-empty'), more: $('#load-more'),
    errorBox: $('#list-error'), query: () => (state && state.value ? { state: state.value } : {}) });
  if (state) state.addEventListener('change', () => load(true));
  load(true);
}

start();
