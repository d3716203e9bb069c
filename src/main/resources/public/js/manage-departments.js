// 码上联络 — the committee's departments (/manage/departments): figures and ranking, department accounts and
// the departments' notification robots.
import { api, requireLogin, el, $, showError, toast } from '/static/js/api.js';
import { days } from '/static/js/dash-charts.js';

let region = null;

function row(d) {
  const pct = d.answeredOnTimeRate == null ? '—' : Math.round(d.answeredOnTimeRate * 100) + '%';
  return el('li', { 'data-testid': 'department', 'data-id': String(d.departmentId) },
    el('div', { class: 'row1' }, el('span', { text: (d.rank ? '第 ' + d.rank + ' 名 · ' : '') + d.name }),
      d.smallSample ? el('span', { class: 'tag tone-muted', 'data-testid': 'small-sample', text: '样本不足' }) : null),
    el('div', { class: 'meta', text: `交办 ${d.referrals} · 按期签收 ${d.signedOnTime} · 按期答复 ${d.answeredOnTime}（${pct}）· 退回 ${d.returned} · 延期申请 ${d.extensions}` }),
    el('div', { class: 'meta', text: `答复用时 中位 ${days(d.medianDaysToAnswer)} / P90 ${days(d.p90DaysToAnswer)} · 在办 ${d.open}（超期 ${d.openOverdue}）` }));
}

async function load() {
  const rows = await api('/api/v1/regions/' + region.id + '/departments');
  $('#department-list').replaceChildren(...rows.map(row));
  const options = rows.map((d) => el('option', { value: String(d.departmentId), text: d.name }));
  $('#a-department').replaceChildren(...options.map((o) => o.cloneNode(true)));
  $('#t-department').replaceChildren(...options);
}

async function createAccount(e) {
  e.preventDefault();
  const f = e.target;
  try {
    await api('/api/v1/admin/accounts', { method: 'POST', body: { role: 'DEPARTMENT', departmentId: Number(f.departmentId.value),
      loginName: f.loginName.value.trim(), displayName: f.displayName.value.trim(), password: f.password.value } });
    toast('账号已创建');
    f.reset();
  } catch (err) {
    showError(err, $('#account-error'));
  }
}

async function saveTarget(e) {
  e.preventDefault();
  const f = e.target;
  try {
    await api('/api/v1/admin/notify-targets', { method: 'PUT', body: { ownerKind: 'DEPARTMENT', ownerId: Number(f.ownerId.value),
      channel: f.channel.value, target: f.target.value.trim() } });
    toast('已保存');
  } catch (err) {
    showError(err, $('#target-error'));
  }
}

async function init() {
  if (!requireLogin()) return;
  $('#account-form').addEventListener('submit', createAccount);
  $('#target-form').addEventListener('submit', saveTarget);
  try {
    const me = await api('/api/v1/me');
    if (!me.region) throw new Error('只有人大常委会管理员可以管理承办部门');
    region = me.region;
    $('#departments-title').textContent = region.name + ' · 承办部门';
    await load();
  } catch (e) {
    showError(e, $('#page-error'));
  }
}

init();
