// 码上联络 — the completion map of station standards (五有 / 十有): per child region and per station how many items
// passed / wait for review / were returned / are empty, as a bar and its numbers (readable at 320 px, no table).
// Used by /manage/standards (the committee's view) and mounted under the region dashboard (/manage/region?id=).
import { api, el, fill, showError, requireLogin } from './api.js';

/** "通过 3 · 待审核 1 · 退回 1 · 未填 0" and a bar with the same shares (the bar is decoration, the text says it). */
export function counts(c) {
  const part = (k, n) => (c.items ? el('span', { class: k, style: `width:${(100 * n) / c.items}%` }) : null);
  return [el('div', { class: 'std-bar', 'aria-hidden': 'true' }, part('passed', c.passed), part('pending', c.pending), part('returned', c.returned)),
    el('div', { class: 'nums', 'data-testid': 'std-counts', text: `通过 ${c.passed} · 待审核 ${c.pending} · 退回 ${c.returned} · 未填 ${c.empty}` })];
}

export function row(r, href, extra) {
  return el('a', { class: 'std-row', href, 'data-testid': 'std-row', 'data-id': String(r.id) },
    el('div', { class: 'name', text: r.name + (extra || '') }), counts(r.counts));
}

/**
 * The region's map: totals, child regions, and the stations (those with 待审核 first; onlyOpen: only stations with
 * items to review or returned; limit: the first n and a link to all of them on /manage/standards).
 */
export function mapSection(m, stationHref, regionHref, onlyOpen, limit) {
  const all = onlyOpen ? m.stations.filter((s) => s.counts.pending + s.counts.returned > 0) : m.stations;
  const stations = limit ? all.slice(0, limit) : all;
  return [el('div', { class: 'section-title', text: `${m.regionName} ${m.year} 年度达标（${m.stationCount} 个联络站）` }),
    el('div', { class: 'std-row' }, el('div', { class: 'name', text: '合计' }), counts(m.totals)),
    m.children.length ? el('div', { class: 'section-title', text: '下级地区' }) : null,
    m.children.map((c) => row(c, regionHref(c), `（${c.stations} 站）`)),
    el('div', { class: 'section-title', text: onlyOpen ? '有待审核或退回项的联络站' : '联络站（待审核多的在前）' }),
    stations.length ? stations.map((s) => row(s, stationHref(s))) : el('div', { class: 'empty', 'data-testid': 'std-none', text: '没有待处理的联络站' }),
    limit && all.length > limit ? el('div', { class: 'footer' }, el('a', { href: `/manage/standards?region=${m.regionId}`, text: `全部 ${all.length} 个联络站 ›` })) : null];
}

async function mount() {
  const box = document.getElementById('standards');
  const id = new URLSearchParams(location.search).get('id');
  if (!box || !id || !requireLogin()) return;
  try {
    const m = await api(`/api/v1/regions/${encodeURIComponent(id)}/standards/map`);
    fill(box, ...mapSection(m, (s) => `/manage/standards?station=${s.id}`, (c) => `/manage/region?id=${c.id}`, false, 10).flat());
  } catch (e) {
    showError(e, box);
  }
}

mount();
