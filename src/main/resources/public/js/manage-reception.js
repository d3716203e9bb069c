// Reception desk for liaisons and heads: /manage/reception?station={id}.
import { api, el, $, toast, fmtTime, newKey, requireLogin } from './api.js';
import { entries, tag, toneTag } from './labels.js';

const station = new URLSearchParams(location.search).get('station');
let current = null;
let intakeKey = newKey();

function fail(e) { $('#msg').replaceChildren(el('div', { class: 'error-box', role: 'alert', text: e.message })); }

async function loadSessions() {
  const list = await api(`/api/v1/stations/${encodeURIComponent(station)}/sessions/staff?upcoming=false&from=${today(-7)}&to=${today(60)}`);
  const box = $('#sessions');
  if (!list.length) { box.replaceChildren(el('div', { class: 'empty', text: '暂无接待日，可在下方新增' })); return; }
  box.replaceChildren(el('div', { class: 'cells' }, list.map((s) => el('div', {
    class: 'cell link' + (current && current.id === s.id ? ' selected' : ''), role: 'button', tabindex: '0',
    onclick: () => select(s.id), onkeydown: (e) => { if (e.key === 'Enter') select(s.id); }
  },
  el('div', { class: 'cell__bd' },
    el('div', {}, fmtTime(s.startsAt), ' ', s.status === 'CANCELLED' ? toneTag('sessionStatuses', s.status) : null,
      s.moved ? tag('节假日顺延', 'pending') : null),
    el('div', { class: 'cell__desc', text: `预约 ${s.booked}/${s.capacity} · 接待 ${s.residentsReceived} 人次 · 收集反映 ${s.concernsCollected} 件 · 代表签到 ${s.deputiesCheckedIn}` }))))));
}

function today(offset) {
  const d = new Date(Date.now() + 8 * 3600000 + offset * 86400000);
  return d.toISOString().slice(0, 10);
}

async function select(id) {
  current = await api(`/api/v1/sessions/${id}/staff`);
  $('#desk').classList.remove('hidden');
  $('#desk-title').textContent = `签到 · ${fmtTime(current.startsAt)}（现场接待 ${current.walkIns} 人）`;
  const bookings = await api(`/api/v1/sessions/${id}/bookings`);
  $('#bookings').replaceChildren(...(bookings.length ? bookings.map((b) => el('div', { class: 'cell' },
    el('div', { class: 'cell__bd' }, el('div', { text: `${b.bookingCode} ${b.contactName || '匿名'}` }),
      el('div', { class: 'cell__desc', text: (b.mobileMasked || '') + (b.checkedInAt ? ' · 签到 ' + fmtTime(b.checkedInAt) : '') })),
    b.status === 'BOOKED' ? el('button', { class: 'btn btn-primary small-btn', type: 'button', text: '签到', onclick: () => checkIn({ bookingId: b.id }) })
      : toneTag('bookingStatuses', b.status)))
    : [el('div', { class: 'cell', text: '暂无预约' })]));
  $('#duty').replaceChildren(...current.deputies.map((d) => el('div', { class: 'cell' },
    el('div', { class: 'cell__bd', text: d.name + (d.onDuty ? '（值班）' : '') }),
    d.checkedInAt ? toneTag('bookingStatuses', 'CHECKED_IN', '已签到 ' + fmtTime(d.checkedInAt).slice(11))
      : el('button', { class: 'btn btn-default small-btn', type: 'button', text: '代表签到', onclick: () => attend(d.deputyId) }))));
  loadSessions();
}

async function checkIn(body) {
  try {
    const a = await api(`/api/v1/sessions/${current.id}/check-in`, { method: 'POST', body });
    toast(a.alreadyCheckedIn ? '此前已签到' : '签到成功');
    select(current.id);
  } catch (e) { fail(e); }
}

async function attend(deputyId) {
  try { await api(`/api/v1/sessions/${current.id}/attendance`, { method: 'POST', body: { deputyId } }); select(current.id); } catch (e) { fail(e); }
}

async function walkIn(delta) {
  try { await api(`/api/v1/sessions/${current.id}/walk-ins`, { method: 'POST', body: { delta } }); select(current.id); } catch (e) { fail(e); }
}

/** No rule yet: what the station page tells residents (the station's 接待日 note), so desk and page say the same. */
async function noRule() {
  const s = await api(`/api/v1/stations/${encodeURIComponent(station)}`, { auth: false }).catch(() => null);
  const note = s && s.receptionNote;
  return el('div', { class: 'cell' }, el('div', { class: 'cell__bd' },
    el('div', { text: note ? '联络站页面公示：' + note : '暂无固定规则' }),
    el('div', { class: 'cell__desc', 'data-testid': 'rule-note', text: note
      ? '这段文字尚未设为规则，系统不会自动排出接待日；请在下方按公示设一条规则。'
      : '设一条规则后，系统会自动排出接待日，群众可在联络站页面预约。' })));
}

async function loadRules() {
  const rules = await api(`/api/v1/stations/${encodeURIComponent(station)}/reception-rules`);
  $('#rules').replaceChildren(...(rules.length ? rules.map((r) => el('div', { class: 'cell' },
    el('div', { class: 'cell__bd', text: r.description }),
    el('button', { class: 'btn btn-warn small-btn', type: 'button', text: '停用', onclick: async () => {
      try { await api(`/api/v1/reception-rules/${r.id}`, { method: 'DELETE' }); loadRules(); loadSessions(); } catch (e) { fail(e); }
    } }))) : [await noRule()]));
}

async function loadCategories() {
  const c = await api('/api/v1/categories', { auth: false });
  $('#in-category').replaceChildren(...c.categories.map((n) => el('option', { value: n, text: n })));
}

$('#checkin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const code = $('#booking-code').value.trim();
  if (code) { checkIn({ bookingCode: code }); $('#booking-code').value = ''; }
});
$('#walkin-plus').addEventListener('click', () => walkIn(1));
$('#walkin-minus').addEventListener('click', () => walkIn(-1));

$('#intake-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const body = {
    channel: 'RECEPTION_DAY', sessionId: current ? current.id : null, category: $('#in-category').value,
    content: $('#in-content').value.trim(), contactName: $('#in-name').value.trim() || null,
    mobile: $('#in-mobile').value.trim() || null, consent: $('#in-consent').checked
  };
  try {
    const a = await api(`/api/v1/stations/${encodeURIComponent(station)}/intake`, { method: 'POST', body, headers: { 'Idempotency-Key': intakeKey } });
    intakeKey = newKey();
    $('#intake-form').reset();
    $('#intake-result').replaceChildren(el('div', { class: 'section-title', text: '已登记，请将查询链接交给群众（可短信发送）' }),
      el('div', { class: 'link-box' }, el('div', { text: '查询编号：' + a.trackingNo }), el('div', { text: a.trackingUrl })));
    if (current) select(current.id);
  } catch (err) { fail(err); }
});

$('#oneoff-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    await api(`/api/v1/stations/${encodeURIComponent(station)}/sessions`, { method: 'POST', body: {
      date: $('#one-date').value, startTime: $('#one-start').value, endTime: $('#one-end').value,
      place: $('#one-place').value.trim() || null, capacity: Number($('#one-capacity').value) || null
    } });
    toast('已新增');
    loadSessions();
  } catch (err) { fail(err); }
});

$('#rule-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const kind = $('#rule-kind').value;
  const day = Number($('#rule-day').value);
  try {
    const r = await api(`/api/v1/stations/${encodeURIComponent(station)}/reception-rules`, { method: 'POST', body: {
      kind, dayOfMonth: kind === 'MONTHLY_DAY' ? day : null, dayOfWeek: kind === 'MONTHLY_DAY' ? null : day,
      weekOfMonth: kind === 'MONTHLY_WEEKDAY' ? Number($('#rule-week').value) : null,
      startTime: $('#rule-start').value, endTime: $('#rule-end').value, holidayPolicy: $('#rule-policy').value
    } });
    toast(`已添加，生成 ${r.generated} 场`);
    loadRules();
    loadSessions();
  } catch (err) { fail(err); }
});

/** The rule form's choices, in the server's words; new rules move to the next working day unless told. */
function fillRuleChoices() {
  $('#rule-kind').replaceChildren(...entries('ruleKinds').map((k) => el('option', { value: k.value, text: k.label })));
  $('#rule-week').replaceChildren(...entries('weekOrdinals').map((w) => el('option', { value: w.value, text: w.label })));
  const week = () => { $('#rule-week-cell').hidden = $('#rule-kind').value !== 'MONTHLY_WEEKDAY'; };
  $('#rule-kind').addEventListener('change', week);
  week();
  $('#rule-policy').replaceChildren(...entries('holidayPolicies').map((p) => el('option', {
    value: p.value, text: p.label, selected: p.value === 'NEXT_WORKING_DAY' })));
}

fillRuleChoices();
if (!station) {
  $('#msg').replaceChildren(el('div', { class: 'error-box', text: '缺少联络站参数 ?station=' }));
} else if (requireLogin()) {
  Promise.all([loadSessions(), loadRules(), loadCategories()]).catch(fail);
}
