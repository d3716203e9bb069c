// Inside WeChat's browser only (issue 19): silent sign-in (网页授权 snsapi_base) so 我的反映 follows the resident to
// any phone on the same WeChat, the one-time subscription button on the tracking page, and wx.config for the JS-SDK.
// Does nothing outside WeChat or when the deployment has no official account (status answers configured=false).
// Loaded by the scan landing pages (/s/…, /d/…), 我的反映 and the tracking page.
import { api, el, toast } from './api.js';
import { ensureResidentToken, keyFor } from './resident.js';
import { inWeChat, jssdk } from './wechat-sdk.js';

const TRIED = 'wechatSignInTried';

function withToken(token, options = {}) {
  return { auth: false, ...options, headers: { 'X-Resident-Token': token, ...(options.headers || {}) } };
}

/** The tracking key this page opens its concern with (the link's #k=, or the one saved on this phone). */
function trackingKey() {
  const no = trackingNo();
  return no ? new URLSearchParams(location.hash.replace(/^#/, '')).get('k') || keyFor(no) : null;
}

function post(path, token, body) {
  const key = trackingKey();
  return api(path, withToken(token, { method: 'POST', body, headers: key ? { 'X-Tracking-Key': key } : {} }));
}

/** Removes WeChat's parameters (code, state, openid, …) and the #wechat_redirect a redirect carries over. */
function cleanUrl() {
  history.replaceState(null, '', location.pathname + (location.hash === '#wechat_redirect' ? '' : location.hash));
}

function trackingNo() {
  const m = location.pathname.match(/^\/t\/([A-Z]{1,8}-\d{8}-\d{6,9})$/);
  return m ? m[1] : null;
}

async function back(token, q) {
  if (q.has('code') && q.has('state')) {
    await post('/api/v1/wechat/oauth/bind', token, { code: q.get('code'), state: q.get('state') });
    cleanUrl();
    location.reload();
    return true;
  }
  if (q.has('reserved') && q.has('openid') && trackingNo()) {
    const answer = await post('/api/v1/wechat/subscriptions/confirm', token, {
      trackingNo: trackingNo(), openid: q.get('openid'), templateId: q.get('template_id'),
      action: q.get('action'), scene: Number(q.get('scene')), reserved: q.get('reserved'),
    });
    cleanUrl();
    toast(answer.messagesLeft > 0 ? '已订阅：有进展时微信通知您' : '未订阅');
  }
  return false;
}

function subscribeButton(token, status) {
  const slot = document.getElementById('wechat-slot');
  if (!slot || !status.subscribeAvailable || !trackingNo()) return;
  const button = el('button', { class: 'btn btn-default', type: 'button', text: status.messagesLeft > 0 ? '已订阅微信通知（再次订阅）' : '有进展时微信通知我' });
  button.addEventListener('click', async () => {
    const answer = await post('/api/v1/wechat/subscriptions/start', token, { trackingNo: trackingNo(), returnPath: location.pathname });
    location.href = answer.authorizeUrl;
  });
  slot.replaceChildren(button);
}

async function init() {
  if (!inWeChat) return null;
  try {
    const token = await ensureResidentToken();
    const q = new URLSearchParams(location.search);
    if (await back(token, q)) return null;
    // a concern is asked about with the key that opens it; without one the device may still see it once signed in
    const no = trackingNo();
    const key = trackingKey();
    const status = await api('/api/v1/wechat/status' + (no && key ? '?trackingNo=' + encodeURIComponent(no) : ''),
      withToken(token, { headers: key ? { 'X-Tracking-Key': key } : {} }));
    if (!status.configured) return null; // no official account configured: the page works without WeChat
    if (!status.bound && !sessionStorage.getItem(TRIED)) {
      sessionStorage.setItem(TRIED, '1');
      const answer = await post('/api/v1/wechat/oauth/start', token, { returnPath: location.pathname });
      location.replace(answer.authorizeUrl);
      return null;
    }
    subscribeButton(token, status);
    return await jssdk();
  } catch (e) {
    return null; // the page works without WeChat
  }
}

/** Resolves with the configured `wx` inside WeChat (for chooseImage / getLocation), else null. */
export const wechatReady = init();
