// The deputy's performance archive: /work/archive (own), or ?deputy={id} for heads and admins.
import { days } from './dash-charts.js';
import { api, download, el, $, requireLogin } from './api.js';

const params = new URLSearchParams(location.search);
let deputy = params.get('deputy');
const thisYear = new Date(Date.now() + 8 * 3600000).getUTCFullYear();

function fail(text) { $('#msg').replaceChildren(el('div', { class: 'error-box', role: 'alert', text })); }

function cell(label, value) {
  return el('div', { class: 'cell' }, el('div', { class: 'cell__bd', text: label }), el('div', { class: 'cell__ft', text: value }));
}

async function load() {
  const year = $('#year').value;
  let a;
  try {
    a = await api(`/api/v1/deputies/${encodeURIComponent(deputy)}/archive?year=${year}`);
  } catch (e) {
    fail(e.message);
    return;
  }
  const f = a.figures;
  $('#title').textContent = a.deputyName + ' · 履职档案';
  $('#archive').replaceChildren(
    el('div', { class: 'cells' }, el('div', { class: 'cell' }, el('div', { class: 'cell__bd', text: (a.schemeName || '未设置积分方案') + ' 总积分' }),
      el('div', { class: 'big', text: a.totalPoints }))),
    el('div', { class: 'section-title', text: a.year + ' 年度履职情况' }),
    el('div', { class: 'cells' },
      cell('进站履职', f.sessionsAttended + ' 场'), cell('接待群众', f.residentsReceived + ' 人次'),
      cell('办结群众反映', f.concernsHandled + ' 件'),
      cell('首次响应（中位数）', days(f.medianResponseDays)),
      cell('满意率', f.satisfactionRate == null ? '—' : Math.round(f.satisfactionRate * 1000) / 10 + '%（' + f.satisfiedConcerns + '/' + f.ratedConcerns + '）'),
      cell('参加活动', f.activitiesJoined + ' 次'),
      cell('提出建议', f.suggestionsSubmitted + ' 件（办理满意 ' + f.suggestionsSatisfied + ' 件）'),
      cell('走访群众', f.visitsMade + ' 次 · ' + f.visitResidents + ' 人次')),
    ...a.classes.flatMap((c) => [
      el('div', { class: 'section-title', text: `${c.name}（${c.points} 分）` }),
      el('div', { class: 'cells' }, c.items.map((i) => el('div', { class: 'cell' },
        el('div', { class: 'cell__bd' }, el('div', { text: i.label }),
          el('div', { class: 'cell__desc', text: `${i.count} × ${i.weight}${i.cap != null ? '，上限 ' + i.cap : ''}` })),
        el('div', { class: 'cell__ft', text: i.points + ' 分' }))))]));
}

function csv() {
  const year = $('#year').value;
  download(`/api/v1/deputies/${encodeURIComponent(deputy)}/archive.csv?year=${year}`, `履职档案-${year}.csv`)
    .catch((e) => fail('导出失败：' + e.message));
}

async function start() {
  if (!requireLogin()) return;
  for (let y = thisYear; y >= thisYear - 4; y--) $('#year').append(el('option', { value: y, text: y + ' 年' }));
  if (!deputy) {
    const me = await api('/api/v1/me').catch(() => null);
    if (!me || !me.deputy) { fail('请使用代表账号登录，或在地址中指定 ?deputy='); $('#archive').replaceChildren(); return; }
    deputy = me.deputy.id;
  }
  $('#year').addEventListener('change', load);
  $('#csv').addEventListener('click', csv);
  load();
}

start();
