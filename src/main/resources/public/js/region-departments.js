// Committee dashboard, department ranking (issue 18): its own section under /manage/region's figures.
// Reads the same region dashboard (served from memory); small samples are unranked and marked 样本少.
import { api, el, fill, showError, requireLogin } from './api.js';
import { rateBars, table, ci, csvLink } from './dash-charts.js';
import { tag } from './labels.js';

const params = new URLSearchParams(location.search);
const id = params.get('id');
const box = document.getElementById('departments');

function query() {
  const q = new URLSearchParams();
  for (const k of ['from', 'to']) if (params.get(k)) q.set(k, params.get(k));
  return q.toString();
}

const pct = (r) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);
const days = (d) => (d == null ? '—' : `${d} 个工作日`);

async function load() {
  if (!id || !box || !requireLogin()) return;
  const base = `/api/v1/regions/${encodeURIComponent(id)}`;
  const d = await api(`${base}/dashboard?${query()}`);
  const referred = d.departments.filter((r) => r.referrals > 0); // a department nothing was referred to has no row
  if (!referred.length) {
    fill(box, el('div', { class: 'section-title', text: '部门办理排名' }), el('div', { class: 'empty', text: '本期没有交办部门的反映' }));
    return;
  }
  const ranked = referred.filter((r) => !r.fewSamples);
  fill(box,
    el('div', { class: 'section-title', text: `部门办理排名（按期答复率；交办不足 ${d.departmentMinCount} 件的不排名）` }),
    ranked.length ? rateBars(ranked.slice(0, 15).map((r) => ({ label: `${r.rank}. ${r.name}`.slice(0, 14), value: r.answeredOnTimeRate, ci: r.answeredOnTimeCi })), '部门按期答复率') : null,
    table(['部门', '交办', '按期签收', '已答复', '按期答复', '退回', '延期申请', '在办超期', '按期答复率', '区间', '答复用时中位数', 'P90'],
      referred.map((r) => [
        el('span', {}, r.rank == null ? '' : `${r.rank}. `, r.name, r.fewSamples ? tag('样本少', 'muted') : null),
        String(r.referrals), String(r.signedOnTime), String(r.answered), String(r.answeredOnTime), String(r.returned),
        String(r.extensions), String(r.openOverdue), pct(r.answeredOnTimeRate), ci(r.answeredOnTimeCi),
        days(r.medianDaysToAnswer), days(r.p90DaysToAnswer)])),
    el('div', { class: 'csv' }, csvLink('部门排名 CSV', `${base}/dashboard.csv?${query()}&table=departments`, `${d.region.name}-部门排名.csv`)));
}

load().catch((err) => showError(err, box));
