// 码上联络 — tiny inline-SVG charts and shared dashboard helpers (no chart library).
import { download, el, showError } from './api.js';

const NS = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export const COLOURS = ['#077A3E', '#10AEFF', '#FFA940'];

/** Grouped bars: points [{label, values:[a,b,c]}], series names. */
export function bars(points, names, title) {
  const w = 600, h = 260, pad = 40, bottom = 44; // drawn 600 wide and scaled down: text is 22 units (≈12–14 px on a phone)
  const max = Math.max(4, Math.ceil(Math.max(0, ...points.flatMap((p) => p.values)) / 4) * 4); // whole-number ticks
  const svg = s('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': title });
  svg.append(s('title', {}, title));
  const gw = (w - pad * 2) / Math.max(1, points.length);
  const bw = Math.max(2, (gw - 6) / names.length);
  for (let t = 0; t <= 4; t++) {
    const y = h - bottom - (h - bottom - 10) * t / 4;
    svg.append(s('line', { x1: pad, x2: w - 4, y1: y, y2: y, stroke: '#eee' }));
    svg.append(s('text', { x: pad - 6, y: y + 7, 'font-size': 22, 'text-anchor': 'end', fill: '#5F5F5F' }, String(Math.round(max * t / 4))));
  }
  points.forEach((p, i) => {
    p.values.forEach((v, j) => {
      const bh = (h - bottom - 10) * v / max;
      const r = s('rect', { x: pad + i * gw + 3 + j * bw, y: h - bottom - bh, width: bw - 1, height: bh, fill: COLOURS[j], rx: 1 });
      r.append(s('title', {}, `${p.label} ${names[j]}：${v}`));
      svg.append(r);
    });
    if (points.length <= 6 || i % Math.ceil(points.length / 6) === 0) {
      svg.append(s('text', { x: pad + i * gw + gw / 2, y: h - bottom + 26, 'font-size': 22, 'text-anchor': 'middle', fill: '#5F5F5F' }, p.label));
    }
  });
  return el('div', { class: 'chart' }, svg,
    el('div', { class: 'legend' }, names.map((n, j) => [el('i', { class: 'sw' + j }), n])));
}

/** Horizontal bars of a rate per row, with the Wilson interval as a whisker; rows without a rate are left out, and
 * with none left it says so (`empty`) instead of drawing an empty box. */
export function rateBars(all, title, empty = '还没有可比较的数据') {
  const rows = all.filter((r) => r.value != null);
  if (!rows.length) return el('div', { class: 'empty', 'data-testid': 'chart-empty', text: empty });
  const w = 600, rowH = 40, left = 250, h = rows.length * rowH + 10;
  const svg = s('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': title });
  svg.append(s('title', {}, title));
  const x = (r) => left + (w - left - 90) * r;
  rows.forEach((r, i) => {
    const y = 5 + i * rowH;
    svg.append(s('text', { x: left - 8, y: y + 24, 'font-size': 22, 'text-anchor': 'end', fill: '#333' }, r.label));
    svg.append(s('rect', { x: left, y: y + 8, width: w - left - 90, height: 20, fill: '#f2f2f2', rx: 2 }));
    svg.append(s('rect', { x: left, y: y + 8, width: x(r.value) - left, height: 20, fill: r.few ? '#c7c7cc' : '#077A3E', rx: 2 }));
    svg.append(s('text', { x: w - 4, y: y + 24, 'font-size': 22, 'text-anchor': 'end', fill: '#333' }, pct(r.value)));
    if (r.ci) {
      svg.append(s('line', { x1: x(r.ci.low), x2: x(r.ci.high), y1: y + 18, y2: y + 18, stroke: '#333', 'stroke-width': 1.5 }));
    }
  });
  return el('div', { class: 'chart' }, svg);
}

export function pct(v) { return v == null ? '—' : (v * 100).toFixed(1) + '%'; }
/** A duration in working days: under one day in hours ("5 小时"), else "2.5 个工作日". */
export function days(v) {
  if (v == null) return '—';
  return v < 1 ? Math.max(1, Math.round(v * 24)) + ' 小时' : v.toFixed(1) + ' 个工作日';
}
export function ci(i) { return i ? `${(i.low * 100).toFixed(0)}–${(i.high * 100).toFixed(0)}%` : ''; }

export function rateCards(f) {
  return el('div', { class: 'rates' },
    el('div', { class: 'rate' }, el('b', { text: pct(f.responseRate) }), el('span', { text: '响应率' })),
    el('div', { class: 'rate' }, el('b', { text: pct(f.resolutionRate) }), el('span', { text: '办结率' })),
    el('div', { class: 'rate' }, el('b', { text: pct(f.satisfactionRate) }), el('span', { text: '满意率' })));
}

export function kpis(f) {
  const k = (v, t) => el('div', { class: 'kpi' }, el('b', { text: String(v) }), t);
  return el('div', { class: 'kpis' },
    k(f.received, '件收到（不予受理 ' + f.rejected + '）'),
    k(pct(f.onTimeRate), '按期办结率'),
    k(days(f.firstResponse.median), '首次响应中位数，P90 ' + days(f.firstResponse.p90)),
    k(days(f.resolution.median), '办结用时中位数，P90 ' + days(f.resolution.p90)),
    k(f.openOverdue, '件未办结已超期'),
    k(f.rated, '件已评价'));
}

/** A table: headers, rows of cells (strings or nodes). */
export function table(headers, rows, caption) {
  if (!rows.length) return el('div', { class: 'empty', 'data-testid': 'table-empty', text: '本期没有数据' });
  // scrolls sideways with the first column kept in view; focusable so a keyboard can scroll it too
  return el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': caption || headers[0] + '表（可左右滑动）' }, el('table', { class: 'tbl' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c)))))));
}

export function figureCells(f) {
  return [String(f.received), pct(f.responseRate), pct(f.resolutionRate), pct(f.satisfactionRate), pct(f.onTimeRate), days(f.firstResponse.median)];
}
export const FIGURE_HEADERS = ['收到', '响应率', '办结率', '满意率', '按期率', '响应中位'];

/** A link that downloads a CSV with the staff token (a plain link cannot carry it). */
export function csvLink(text, url, name) {
  return el('a', { href: '#', text, onclick: (e) => { e.preventDefault(); download(url, name).catch((err) => showError(err)); } });
}
