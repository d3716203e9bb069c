// WeChat's JS-SDK (wx.config signed by the server) and what pages use of it, without wechat.js's sign-in flow, so a
// form can ask for it only when the resident taps (the 附上位置 choice of 我要反映). Null outside WeChat or when the
// deployment has no official account.
import { api } from './api.js';
import { ensureResidentToken } from './resident.js';

export const inWeChat = /MicroMessenger/i.test(navigator.userAgent);

/** Loads the JS-SDK from WeChat and calls wx.config; resolves with window.wx (or null). */
export async function jssdk() {
  const c = await api('/api/v1/wechat/jssdk-config?url=' + encodeURIComponent(location.href.split('#')[0]), { auth: false });
  await new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = c.jssdkUrl;
    s.onload = resolve;
    s.onerror = reject;
    document.head.appendChild(s);
  });
  return new Promise((resolve) => {
    window.wx.config({ debug: false, appId: c.appId, timestamp: c.timestamp, nonceStr: c.nonceStr, signature: c.signature,
      jsApiList: ['chooseImage', 'getLocation'] });
    window.wx.ready(() => resolve(window.wx));
    window.wx.error(() => resolve(null));
  });
}

let sdk = null;

/** wx, configured, when this page runs inside WeChat and the deployment has an official account; else null. */
export function wechatSdk() {
  if (!sdk) {
    sdk = (async () => {
      if (!inWeChat) return null;
      try {
        const token = await ensureResidentToken();
        const status = await api('/api/v1/wechat/status', { auth: false, headers: { 'X-Resident-Token': token } });
        return status.configured ? await jssdk() : null;
      } catch (e) {
        return null;
      }
    })();
  }
  return sdk;
}

/** WeChat's position ({ lat, lng, accuracy } WGS-84), or null when WeChat cannot give one. */
export async function wechatPosition() {
  const wx = await wechatSdk();
  if (!wx) return null;
  return new Promise((resolve) => {
    wx.getLocation({ type: 'wgs84',
      success: (r) => resolve({ lat: Number(r.latitude), lng: Number(r.longitude), accuracy: Number(r.accuracy) || null }),
      fail: () => resolve(null), cancel: () => resolve(null) });
  });
}
