// Station head dashboard: /manage/dashboard?station={id}
import { api, el, fill, showError, fmtTime, requireLogin } from './api.js';
import { bars, rateBars, rateCards, kpis, table, figureCells, FIGURE_HEADERS, days, ci, csvLink } from './dash-charts.js';
import { label, tag, toneTag } from './labels.js';

const params = new URLSearchParams(location.search);
const station = params.get('station');
const body = document.getElementById('body');
const form = document.getElementById('filters');

for (const k of ['from', 'to', 'by']) if (params.get(k)) form[k].value = params.get(k);

function query(keys = ['from', 'to', 'by']) {
  const q = new URLSearchParams();
  for (const k of keys) if (form[k] && form[k].value) q.set(k, form[k].value);
  return q.toString();
}

// the CSV exports take the period only (the API refuses parameters a route does not declare)
const period = () => query(['from', 'to']);

function board(items) {
  if (!items.length) return el('div', { class: 'empty', text: '没有即将超期或已超期的诉求' });
  return el('div', { class: 'cells inset' }, items.map((i) => el('div', { class: 'cell' },
    el('div', { class: 'cell__bd' },
      el('div', {}, toneTag('colours', i.colour),
        i.trackingNo, ' ', i.segmentLabel),
      el('div', { class: 'cell__desc', text: `${i.category} · ${i.stateLabel} · ${i.deputyName || '未分派'}${i.reopenCount ? ' · 重新办理' + i.reopenCount + '次' : ''}` }),
      el('div', { class: 'cell__desc', text: `期限 ${fmtTime(i.deadline)} · 已用 ${days(i.usedDays)}，限 ${days(i.allowedDays)}` })))));
}

/** 反映热点 (issue 22): the last 90 days by community and by ~200 m place, each with its top categories. */
function hotspots(h) {
  const top = (cats) => cats.slice(0, 3).map((c) => `${c.category} ${c.count}`).join('、');
  const count = (n) => el('div', { class: 'cell__ft', text: `${n} 件` });
  const communities = h.communities.map((c) => el('div', { class: 'cell', 'data-testid': 'hotspot-community' },
    el('div', { class: 'cell__bd' }, el('div', { text: c.name }), el('div', { class: 'cell__desc', text: top(c.categories) })), count(c.count)));
  const places = h.places.map((p, i) => el('a', { class: 'cell', href: p.mapUrl, target: '_blank', rel: 'noopener noreferrer',
    'data-testid': 'hotspot-place' },
  el('div', { class: 'cell__bd' }, el('div', { text: `地点 ${i + 1}（约 ${h.cellMetres} 米范围，在地图中查看）` }),
    el('div', { class: 'cell__desc', text: top(p.categories) })), count(p.count)));
  return el('div', { id: 'hotspots' },
    el('div', { class: 'section-title', text: `反映热点（近 ${h.days} 天，${h.located} 件附有位置）` }),
    communities.length || places.length ? null : el('div', { class: 'empty', text: `近 ${h.days} 天没有附位置的反映` }),
    communities.length ? el('div', { class: 'cells inset' }, communities) : null,
    places.length ? el('div', { class: 'cells inset' }, places) : null);
}

async function load() {
  if (!station) { body.replaceChildren(el('div', { class: 'empty', text: '缺少联络站参数 ?station=' })); return; }
  if (!requireLogin()) return;
  body.replaceChildren(el('div', { class: 'loading', text: '加载中…' }));
  const base = `/api/v1/stations/${encodeURIComponent(station)}`;
  const [d, spots] = await Promise.all([api(`${base}/dashboard?${query()}`), api(`${base}/hotspots`)]);
  document.getElementById('title').textContent = d.station.name;
  document.getElementById('sub').textContent = `${d.from} 至 ${d.to} 收到的诉求`;
  if (!form.from.value) form.from.value = d.from;
  if (!form.to.value) form.to.value = d.to;
  const t = d.totals;
  const csv = (t) => csvLink(t[1], `${base}/dashboard.csv?${period()}&table=${t[0]}`, `${d.station.name}-${t[1]}.csv`);
  fill(body,
    d.calendarWarning ? el('div', { class: 'warn-box', role: 'alert', text: d.calendarWarning }) : null,
    rateCards(t), kpis(t),
    el('div', { class: 'section-title', text: `收到 / 响应 / 办结（按${d.by === 'week' ? '周' : '月'}）` }),
    bars(d.series.map((p) => ({ label: p.label, values: [p.received, p.answered, p.resolved] })), ['收到', '响应', '办结'], '收到、响应、办结件数'),
    el('div', { class: 'section-title', text: `超期看板（${d.overdueTotal}）` }), board(d.overdue),
    d.overdueTotal > d.overdue.length
      ? el('div', { class: 'footer', 'data-testid': 'board-more', text: `只列出最紧急的 ${d.overdue.length} 条；全部 ${d.overdueTotal} 条见下方「超期看板」CSV` })
      : null,
    hotspots(spots),
    el('div', { class: 'section-title', text: '代表（办结率，横线为95%置信区间；灰色为样本少，不作比较）' }),
    rateBars(d.deputies.filter((r) => r.figures.handled > 0).map((r) => ({ label: `${r.name}（${r.figures.handled}件）`, value: r.figures.resolutionRate, ci: r.resolutionCi, few: r.fewSamples })), '各代表办结率',
      '本期还没有代表受理过诉求，暂无办结率'),
    table(['代表', '在办', ...FIGURE_HEADERS, '办结率区间'], d.deputies.map((r) => [
      el('span', {}, r.name, r.fewSamples ? tag('样本少', 'muted') : null), String(r.openNow), ...figureCells(r.figures), ci(r.resolutionCi)])),
    el('div', { class: 'section-title', text: '分类' }),
    table(['分类', ...FIGURE_HEADERS], d.categories.map((c) => [c.category, ...figureCells(c.figures)])),
    el('div', { class: 'section-title', text: '当前状态（本期收到）' }),
    table(['状态', '件数'], Object.entries(d.byState).map(([k, v]) => [label('states', k), String(v)])),
    el('div', { class: 'section-title', text: '导出 CSV（Excel 可直接打开）' }),
    el('div', { class: 'csv' }, [['summary', '汇总'], ['deputies', '代表'], ['categories', '分类'], ['series', '趋势'], ['overdue', '超期看板']].map(csv),
      csvLink('诉求清单', `${base}/concerns.csv?${period()}`, `${d.station.name}-诉求清单.csv`)),
    el('div', { class: 'footer', text: `响应率＝已响应÷受理（不含不予受理）；办结率＝已办结÷受理；满意率＝（满意＋基本满意）÷已评价；按期办结率＝按期办结÷（已办结＋未办结已超期）。计算于 ${fmtTime(d.computedAt)}` }));
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = query();
  history.replaceState(null, '', `?station=${encodeURIComponent(station)}${q ? '&' + q : ''}`);
  load().catch((err) => showError(err, body));
});
load().catch((err) => showError(err, body));
