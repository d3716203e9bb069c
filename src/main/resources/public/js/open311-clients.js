// Open311 clients of a region on the committee dashboard (issue 23): service requests filed per API key.
import { api, el, fmtTime } from './api.js';
import { table } from './dash-charts.js';

/** The section, or null when the caller may not see the region's clients or there are none. */
export async function open311Section(regionBase) {
  const clients = await api(`${regionBase}/open311-clients`);
  if (!clients || !clients.length) return null;
  return el('div', {},
    el('div', { class: 'section-title', text: 'Open311 外部系统（每个密钥提交的件数）' }),
    table(['客户端', '地区', '密钥', '状态', '提交件数', '最近使用'], clients.map((c) => [
      c.name, c.regionName, c.keyPrefix + '…', c.active ? '在用' : '已停用', String(c.requestCount),
      c.lastUsedAt ? fmtTime(c.lastUsedAt) : '—'])));
}
