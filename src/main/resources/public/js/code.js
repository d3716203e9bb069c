// Scan landing page (/s/{code}, /d/{code}). The server embeds the code's data in the page (#code-data), so the
// page shows without any API call; if it is missing, one call to /api/v1/codes/{code} fills it.
import { api, el, fill, lastSegment, showError, fmtTime } from './api.js';

const app = document.getElementById('app');
const act = document.getElementById('act');

async function load() {
  const node = document.getElementById('code-data');
  const text = node ? node.textContent.trim() : '';
  if (text.startsWith('{')) return JSON.parse(text);
  return api('/api/v1/codes/' + encodeURIComponent(lastSegment()), { auth: false });
}

/** Same-origin path of an absolute scan URL, so links work on any host name the page was reached by. */
function path(url) {
  try { return new URL(url, location.href).pathname; } catch (e) { return url; }
}

function row(label, value, href) {
  if (!value) return null;
  return el('div', { class: 'cell' }, el('div', { class: 'cell__hd', text: label }),
    el('div', { class: 'cell__bd' }, href ? el('a', { class: 'phone', href, text: value }) : value));
}

/** 接待日: the station's rules in the reception desk's words (one formatter on the server), its note beside them. */
function receptionRow(s) {
  const days = s.receptionDays || [];
  if (!days.length) return row('接待日', s.receptionNote);
  return el('div', { class: 'cell', 'data-testid': 'reception-days' }, el('div', { class: 'cell__hd', text: '接待日' }),
    el('div', { class: 'cell__bd' }, ...days.map((t) => el('div', { text: t })),
      s.receptionNote ? el('div', { class: 'cell__desc', text: s.receptionNote }) : null));
}

function levelTags(d) {
  return (d.levelLabels || []).map((l) => el('span', { class: 'tag', text: l }));
}

function deputyCell(d) {
  const attrs = { class: 'cell' };
  const body = [
    el('div', { class: 'cell__bd' },
      el('div', {}, el('strong', { text: d.name }), ' ', el('span', { class: 'tag tone-muted', text: d.roleLabel })),
      el('div', { class: 'cell__desc' }, ...levelTags(d)),
      d.unit ? el('div', { class: 'cell__desc', text: d.unit }) : null),
  ];
  if (d.code) {
    attrs.href = '/d/' + encodeURIComponent(d.code) + '?from=station';
    return el('a', attrs, ...body);
  }
  return el('div', attrs, ...body);
}

function station(v) {
  const s = v.station;
  document.title = s.name;
  const deputies = s.deputies || [];
  fill(app,
    el('div', { class: 'hero' },
      el('h1', { text: s.name }),
      el('p', {}, '人大代表联络站 · 群众扫一扫，代表码上办 ', v.presetCategory ? el('span', { class: 'tag', text: v.presetCategory }) : null)),
    el('div', { class: 'cells' },
      row('地址', s.address),
      row('开放时间', s.openingHours),
      receptionRow(s),
      row('联系电话', s.publicPhone, s.publicPhone ? 'tel:' + s.publicPhone : null)),
    el('div', { class: 'section-title', text: '驻站代表（' + deputies.length + '）' }),
    deputies.length ? el('div', { class: 'cells' }, deputies.map(deputyCell)) : el('div', { class: 'empty', text: '暂无驻站代表' }),
    s.introduction ? el('div', { class: 'section-title', text: '联络站简介' }) : null,
    s.introduction ? el('div', { class: 'intro', text: s.introduction }) : null,
    el('div', { class: 'footer', text: '码上联络 · 您的意见将由驻站代表受理并答复' }));
  act.textContent = '我要反映';
}

function deputy(v) {
  const d = v.deputy;
  const s = v.station;
  document.title = d.name + ' · ' + s.name;
  fill(app,
    el('div', { class: 'hero' },
      el('h1', { text: d.name }),
      el('p', {}, ...(d.levelLabels || []).map((l) => el('span', { class: 'tag', text: l })))),
    el('div', { class: 'cells' },
      row('职务', d.roleLabel),
      row('工作单位', d.unit),
      row('联系电话', d.publicPhone, d.publicPhone ? 'tel:' + d.publicPhone : null)),
    el('div', { class: 'section-title', text: '所在联络站' }),
    el('div', { class: 'cells' },
      v.currentStationUrl
        ? el('a', { class: 'cell', href: path(v.currentStationUrl) + '?from=deputy' },
          el('div', { class: 'cell__bd' }, el('div', { text: s.name }), s.address ? el('div', { class: 'cell__desc', text: s.address }) : null))
        : row('联络站', s.name)),
    el('div', { class: 'footer', text: '码上联络 · 您的意见将直接送达该代表' }));
  act.textContent = '向TA反映';
}

function gone(v) {
  app.replaceChildren(el('div', { class: 'msg' },
    el('div', { class: 'icon warn', text: '!' }),
    el('h2', { text: '此二维码已停用' }),
    el('p', { text: '请前往 ' + v.station.name + ' 的当前页面反映问题。' })));
  if (v.currentStationUrl) {
    act.textContent = '前往联络站当前页面';
    act.href = path(v.currentStationUrl);
  } else {
    act.parentElement.classList.add('hidden');
  }
}

/** 接待日: upcoming sessions (bookable at /r/{id}) and published plans of the station; one extra call. */
async function reception(v) {
  let u;
  try {
    u = await api('/api/v1/stations/' + encodeURIComponent(v.station.id) + '/upcoming', { auth: false });
  } catch (e) {
    return;
  }
  const forDeputy = v.kind === 'DEPUTY' && v.deputy;
  const sessions = forDeputy ? u.sessions.filter((s) => s.deputies.some((d) => d.deputyId === v.deputy.deputyId)) : u.sessions;
  const footer = app.querySelector('.footer');
  const add = (node) => app.insertBefore(node, footer);
  add(el('div', { class: 'section-title', text: forDeputy ? 'TA 的接待日' : '近期接待日' }));
  add(sessions.length ? el('div', { class: 'cells' }, sessions.map((s) => el('a', { class: 'cell', href: '/r/' + s.id },
    el('div', { class: 'cell__bd' },
      el('div', { text: fmtTime(s.startsAt) + '—' + fmtTime(s.endsAt).slice(11) }),
      el('div', { class: 'cell__desc', text: (s.deputies.map((d) => d.name).join('、') || '值班代表待定') + (s.place ? ' · ' + s.place : '') })),
    el('div', { class: 'cell__ft', text: s.remaining > 0 ? '预约' : '已约满' }))))
    : el('div', { class: 'empty', text: '暂无已排定的接待日' }));
  if (!forDeputy && u.plans.length) {
    add(el('div', { class: 'section-title', text: '活动计划' }));
    add(el('div', { class: 'cells' }, u.plans.map((p) => el('div', { class: 'cell' },
      el('div', { class: 'cell__bd' }, el('div', {}, el('span', { class: 'tag', text: p.formLabel }), p.title),
        el('div', { class: 'cell__desc', text: fmtTime(p.startsAt) + (p.place ? ' · ' + p.place : '') + (p.convener ? ' · 召集人 ' + p.convener : '') }))))));
  }
}

load().then((v) => {
  if (!v.active) gone(v);
  else if (v.kind === 'DEPUTY' && v.deputy) { deputy(v); reception(v); }
  else { station(v); reception(v); }
  act.href = v.active ? '/c/new?code=' + encodeURIComponent(v.code) : act.href;
}).catch((e) => showError(e, app));
