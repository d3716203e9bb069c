// Committee dashboard, reception figures (issue 22): sessions held, 进站履职人次 and 接待群众人次 per child region,
// its own section under /manage/region's figures, for the page's period (default: this year so far).
import { api, el, fill, showError, requireLogin } from './api.js';
import { table, csvLink } from './dash-charts.js';

const params = new URLSearchParams(location.search);
const id = params.get('id');
const box = document.getElementById('reception');

function query() {
  const q = new URLSearchParams();
  for (const k of ['from', 'to']) if (params.get(k)) q.set(k, params.get(k));
  return q.toString();
}

const cells = (r) => [String(r.stations), String(r.sessionsHeld), String(r.deputyVisits), String(r.residentsReceived), String(r.concernsCollected)];

async function load() {
  if (!id || !box || !requireLogin()) return;
  const base = `/api/v1/regions/${encodeURIComponent(id)}`;
  const d = await api(`${base}/reception-figures?${query()}`);
  const name = (r) => (r.own ? r.name : el('a', { href: `/manage/region?id=${r.regionId}${query() ? '&' + query() : ''}`, text: r.name }));
  fill(box,
    el('div', { class: 'section-title', text: `接待日统计（${d.from} 至 ${d.to}）` }),
    table(['地区', '站数', '接待场次', '履职人次', '接待群众', '收集反映'],
      [...d.children.map((r) => [name(r), ...cells(r)]), [el('strong', { text: '合计' }), ...cells(d.total)]], '接待日统计表（可左右滑动）'),
    el('div', { class: 'footer', text: d.note }),
    el('div', { class: 'csv' }, csvLink('接待统计 CSV', `${base}/reception-figures.csv?${query()}`, `${d.regionName}-接待统计.csv`)));
}

load().catch((err) => showError(err, box));
