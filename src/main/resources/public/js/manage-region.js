// Committee dashboard: /manage/region?id={regionId}
import { api, el, fill, showError, requireLogin } from './api.js';
import { bars, rateBars, rateCards, kpis, table, figureCells, FIGURE_HEADERS, ci, csvLink } from './dash-charts.js';
import { tag } from './labels.js';
import { open311Section } from './open311-clients.js';

const params = new URLSearchParams(location.search);
const id = params.get('id');
const body = document.getElementById('body');
const form = document.getElementById('filters');
for (const k of ['from', 'to']) if (params.get(k)) form[k].value = params.get(k);

function query() {
  const q = new URLSearchParams();
  for (const k of ['from', 'to']) if (form[k].value) q.set(k, form[k].value);
  return q.toString();
}

async function load() {
  if (!id) { body.replaceChildren(el('div', { class: 'empty', text: '缺少地区参数 ?id=' })); return; }
  if (!requireLogin()) return;
  body.replaceChildren(el('div', { class: 'loading', text: '加载中…' }));
  const base = `/api/v1/regions/${encodeURIComponent(id)}`;
  const d = await api(`${base}/dashboard?${query()}`);
  document.getElementById('title').textContent = d.region.name + ' · 人大代表联络站';
  document.getElementById('sub').textContent = `${d.from} 至 ${d.to}（按月汇总）`;
  if (!form.from.value) form.from.value = d.from;
  if (!form.to.value) form.to.value = d.to;
  const t = d.totals;
  const csv = (tb) => csvLink(tb[1], `${base}/dashboard.csv?${query()}&table=${tb[0]}`, `${d.region.name}-${tb[1]}.csv`);
  fill(body,
    d.calendarWarning ? el('div', { class: 'warn-box', role: 'alert', text: d.calendarWarning }) : null,
    rateCards(t), kpis(t),
    el('div', { class: 'section-title', text: '每月收到 / 已响应 / 已办结' }),
    bars(d.series.map((p) => ({ label: p.label.slice(5) + '月', values: [p.received, p.answered, p.resolved] })), ['收到', '已响应', '已办结'], '每月件数'),
    el('div', { class: 'section-title', text: '下级地区' }),
    table(['地区', '站数', ...FIGURE_HEADERS], d.children.map((c) => [
      el('a', { href: `/manage/region?id=${c.regionId}${query() ? '&' + query() : ''}`, text: c.name }), String(c.stations), ...figureCells(c.figures)])),
    el('div', { class: 'section-title', text: `联络站排名（按期办结率95%区间下限；共 ${d.stationsWithData} 个站有数据）` }),
    rateBars(d.ranking.slice(0, 15).map((r) => ({ label: `${r.rank}. ${r.name}`.slice(0, 14), value: r.figures.onTimeRate, ci: r.onTimeCi, few: r.fewSamples })), '联络站按期办结率',
      '本期还没有可排名的联络站：有诉求办结或超期后才有按期办结率'),
    table(['联络站', ...FIGURE_HEADERS, '按期率区间'], d.ranking.map((r) => [
      el('span', {}, `${r.rank}. `, el('a', { href: `/manage/dashboard?station=${r.stationId}`, text: r.name }), r.fewSamples ? tag('样本少', 'muted') : null),
      ...figureCells(r.figures), ci(r.onTimeCi)])),
    el('div', { class: 'section-title', text: '分类' }),
    table(['分类', ...FIGURE_HEADERS], d.categories.map((c) => [c.category, ...figureCells(c.figures)])),
    el('div', { class: 'section-title', text: '导出 CSV' }),
    el('div', { class: 'csv' }, [['summary', '汇总'], ['regions', '下级地区'], ['stations', '联络站排名'], ['categories', '分类'], ['series', '月度']].map(csv)),
    el('div', { class: 'footer', text: d.note }));
  const o311 = await open311Section(base).catch(() => null);
  if (o311) body.insertBefore(o311, body.lastChild);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  history.replaceState(null, '', `?id=${encodeURIComponent(id)}${query() ? '&' + query() : ''}`);
  load().catch((err) => showError(err, body));
});
load().catch((err) => showError(err, body));
