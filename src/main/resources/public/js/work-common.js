// 码上联络 — shared bits of the deputy workspace pages: authorised JSON calls through auth.js.
import { authFetch, requireLogin } from '/static/js/auth.js';

export class WorkError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('请求失败（' + status + '）'));
    this.status = status;
    this.problem = problem || {};
  }
}

/** JSON API call with the staff token (refreshing once, then /login). Throws WorkError with the server's text. */
export async function call(path, { method = 'GET', body } = {}) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await authFetch(path, options);
  } catch (e) {
    throw new WorkError(0, { detail: '网络连接失败，请检查网络后重试' });
  }
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) throw new WorkError(res.status, data);
  return data;
}

export { requireLogin };

export const STATE_TAG = { SUBMITTED: 'amber', ACCEPTED: '', ANSWERED: '', REFERRED: 'amber', EXTENDED: 'amber',
  RESOLVED: 'grey', CLOSED: 'grey', REJECTED: 'red' };
