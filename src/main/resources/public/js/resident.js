// Shared by the resident pages: the anonymous device token and the list of tracking links on this phone.
import { api } from './api.js';

const TOKEN = 'residentToken';
const LINKS = 'myConcernLinks';

export function residentToken() {
  return localStorage.getItem(TOKEN);
}

export function saveResidentToken(token) {
  if (token) localStorage.setItem(TOKEN, token);
}

/** The device token, fetched once and kept in localStorage. */
export async function ensureResidentToken() {
  const known = residentToken();
  if (known) return known;
  const answer = await api('/api/v1/my/token', { auth: false });
  saveResidentToken(answer.residentToken);
  return answer.residentToken;
}

export function savedLinks() {
  try {
    return JSON.parse(localStorage.getItem(LINKS) || '[]');
  } catch (e) {
    return [];
  }
}

/** Remembers a tracking number and its secret for 我的反映 (newest first, at most 50). */
export function saveLink(trackingNo, key) {
  const links = savedLinks().filter((l) => l.trackingNo !== trackingNo);
  const old = savedLinks().find((l) => l.trackingNo === trackingNo);
  links.unshift({ trackingNo, key: key || (old && old.key) || null, at: new Date().toISOString() });
  localStorage.setItem(LINKS, JSON.stringify(links.slice(0, 50)));
}

export function keyFor(trackingNo) {
  const l = savedLinks().find((x) => x.trackingNo === trackingNo);
  return l ? l.key : null;
}

export function trackPath(trackingNo, key) {
  return '/t/' + encodeURIComponent(trackingNo) + (key ? '#k=' + encodeURIComponent(key) : '');
}
