// 码上联络 — where each staff role starts (homeOf) and the tab bar of its pages (tabsOf), from the account kept by
// login in the token store of api.js (role, stationIds, regionId: no extra call). Loaded by the shared head on every
// page; it draws the tab bar on staff pages only (not on resident pages, the login page or the print view).
import { loadTokens, el } from './api.js';

const NO_BAR = ['login', 'concern-print'];

/** The pages of a role, in tab order: [{ label, href }]. */
export function tabsOf(account) {
  if (!account) return [];
  const s = account.stationIds && account.stationIds.length ? [...account.stationIds].sort((a, b) => a - b)[0] : null;
  const st = (path, p) => (s === null ? null : path + '?' + p + '=' + s);
  const tabs = {
    DEPUTY: [['待我处理', '/work'], ['建议', '/work/suggestions'], ['走访', '/work/visits'], ['履职档案', '/work/archive']],
    LIAISON: [['站内反映', st('/work/station', 'id')], ['接待日', st('/manage/reception', 'station')], ['待我处理', '/work']],
    STATION_HEAD: [['看板', st('/manage/dashboard', 'station')], ['站内反映', st('/work/station', 'id')],
      ['接待日', st('/manage/reception', 'station')], ['二维码', st('/manage/codes', 'station')],
      ['达标', st('/manage/standards', 'station')]],
    ADMIN: [['地区', account.regionId ? '/manage/region?id=' + account.regionId : '/manage/region'],
      ['超期', '/manage/overdue'], ['建议', '/manage/suggestions'], ['承办部门', '/manage/departments'],
      ['达标', '/manage/standards']],
    DEPARTMENT: [['交办待办', '/dept'], ['建议办理', '/dept/suggestions']]
  }[account.role] || [];
  // a head or liaison who is also a deputy answers concerns too
  const own = account.deputyId && account.role !== 'DEPUTY' && !tabs.some((t) => t[1] === '/work')
    ? [['待我处理', '/work'], ['建议', '/work/suggestions']] : [];
  return [...tabs, ...own, ['我的', '/me']].filter((t) => t[1]).map(([label, href]) => ({ label, href }));
}

/** Where a role lands after login: 待我处理, the station queue, the station dashboard, the region, the inbox. */
export function homeOf(account) {
  const tabs = tabsOf(account);
  return tabs.length ? tabs[0].href : '/me';
}

function current(href) {
  const u = new URL(href, location.origin);
  return u.pathname === location.pathname;
}

function mount() {
  const page = document.querySelector('meta[name=mashang-page]');
  if (document.documentElement.classList.contains('resident') || (page && NO_BAR.includes(page.content))) return;
  const t = loadTokens();
  if (!t || !t.account) return;
  const nav = el('nav', { class: 'tabbar', 'aria-label': '我的页面', 'data-testid': 'tabbar' },
    tabsOf(t.account).map((tab) => el('a', { href: tab.href, 'aria-current': current(tab.href) ? 'page' : null, text: tab.label })));
  document.body.insertBefore(nav, document.body.firstChild);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
