// 我要反映: the form reached from a station or deputy code (/c/new?code=…).
import { api, el, $, ApiError, newKey, showError, toast } from './api.js';
import { showFieldErrors, clearFieldErrors, fromApi } from './field-errors.js';
import { ensureResidentToken, residentToken, saveResidentToken, saveLink, trackPath } from './resident.js';
import { inWeChat, wechatPosition } from './wechat-sdk.js';

const MAX_PHOTOS = 4;
const code = new URLSearchParams(location.search).get('code') || '';
const keyName = 'concernKey:' + code;
const photos = []; // { uploadId, url, node }
let target = null; // who the code sends to: { deputyName, stationName }
let position = null; // the position read after the resident tapped 附上我现在的位置: { source, lat, lng, accuracyM }
const POSITION_FIELDS = ['lat', 'lng', 'accuracyM', 'source'];

function fail(text) {
  $('#target').textContent = '';
  $('#error').replaceChildren(el('div', { class: 'msg' },
    el('div', { class: 'icon warn', 'aria-hidden': 'true', text: '!' }),
    el('h2', { text: '无法反映' }), el('p', { text })));
}

async function init() {
  if (!code) {
    fail('请扫描联络站或人大代表的二维码进入本页面');
    return;
  }
  let offer;
  try {
    [offer] = await Promise.all([
      api('/api/v1/categories?code=' + encodeURIComponent(code), { auth: false }),
      ensureResidentToken().catch(() => null),
    ]);
  } catch (e) {
    fail(e instanceof ApiError && e.status === 404 ? '此二维码已停用或不存在' : e.message);
    return;
  }
  target = offer;
  $('#target').textContent = offer.deputyName
    ? '向 ' + offer.deputyName + ' 代表反映（' + offer.stationName + '）'
    : '向 ' + offer.stationName + ' 反映';
  const box = $('#categories');
  offer.categories.forEach((name, i) => {
    const input = el('input', { type: 'radio', name: 'category', value: name, id: 'cat-' + i });
    if (name === offer.preset) input.checked = true;
    box.append(el('label', { for: 'cat-' + i }, input, el('span', { text: name })));
  });
  $('#form').classList.remove('hidden');
  loadCommunities(offer.stationId);
}

/** The station's communities (小区/村) for the pick list; without any, only the position choice is offered. */
async function loadCommunities(stationId) {
  const list = await api('/api/v1/stations/' + encodeURIComponent(stationId) + '/communities', { auth: false }).catch(() => []);
  if (!list.length) return;
  $('#communityId').replaceChildren(el('option', { value: '', text: '请选择' }),
    ...list.map((c) => el('option', { value: String(c.id), text: c.name })));
  $('#loc-community-choice').classList.remove('hidden');
}

function locationChoice() {
  const c = document.querySelector('input[name=loc]:checked');
  return c ? c.value : 'none';
}

function locationStatus(text) {
  $('#location-status').textContent = text || '';
  $('#location-status').classList.toggle('hidden', !text);
}

/** Browser position (WGS-84) through the Geolocation API: asked only now, after the resident's tap. */
function browserPosition() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) { reject(new Error('此浏览器不支持定位')); return; }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy }),
      (e) => reject(new Error(e.code === 1 ? '您未允许定位' : '暂时无法定位')),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
}

async function readPosition() {
  position = null;
  locationStatus('正在获取位置…');
  try {
    const wx = inWeChat ? await wechatPosition() : null;
    const p = wx || await browserPosition();
    if (locationChoice() !== 'here') return; // changed their mind while it was read
    position = { source: wx ? 'WECHAT' : 'BROWSER', lat: Number(p.lat.toFixed(6)), lng: Number(p.lng.toFixed(6)),
      accuracyM: p.accuracy > 0 ? Math.ceil(p.accuracy) : null };
    locationStatus('将附上您现在的位置：纬度 ' + position.lat.toFixed(5) + '，经度 ' + position.lng.toFixed(5)
      + (position.accuracyM ? '（精度约 ' + position.accuracyM + ' 米）' : ''));
  } catch (e) {
    if (locationChoice() !== 'here') return;
    $('#loc-none').checked = true;
    locationStatus(e.message + '，未附位置。' + ($('#loc-community-choice').classList.contains('hidden') ? '' : '也可以选择小区/村。'));
  }
}

function onLocationChoice() {
  resetKeyOnEdit();
  const choice = locationChoice();
  $('#community-cell').classList.toggle('hidden', choice !== 'community');
  if (choice === 'here') {
    readPosition();
  } else {
    position = null;
    locationStatus(choice === 'community' ? '将附上所选的小区/村。' : '');
  }
}

/** The body's location, or a problem to show at the field. */
function locationBody() {
  const choice = locationChoice();
  if (choice === 'here') {
    return position ? { value: position } : { problem: { field: 'location', message: '正在获取位置，请稍候，或选择“不附位置”' } };
  }
  if (choice === 'community') {
    const id = Number($('#communityId').value);
    return id ? { value: { source: 'COMMUNITY', communityId: id } } : { problem: { field: 'communityId', message: '请选择小区/村' } };
  }
  return { value: null };
}

function resetKeyOnEdit() {
  sessionStorage.removeItem(keyName);
}

function renderCount() {
  $('#count').textContent = String($('#content').value.length);
}

async function addPhotos(files) {
  for (const file of files) {
    if (photos.length >= MAX_PHOTOS) {
      toast('最多上传 ' + MAX_PHOTOS + ' 张图片');
      break;
    }
    if (file.size > 5 * 1024 * 1024) {
      toast('图片不能超过 5 MB');
      continue;
    }
    const url = URL.createObjectURL(file);
    const item = { uploadId: null, url, node: null };
    const remove = el('button', { type: 'button', class: 'remove', 'aria-label': '删除图片', text: '×' });
    item.node = el('div', { class: 'photo busy' }, el('img', { src: url, alt: '待上传的图片' }), remove);
    remove.addEventListener('click', () => {
      photos.splice(photos.indexOf(item), 1);
      item.node.remove();
      URL.revokeObjectURL(url);
      resetKeyOnEdit();
      $('#add-photo').classList.toggle('hidden', photos.length >= MAX_PHOTOS);
    });
    photos.push(item);
    $('#photos').insertBefore(item.node, $('#add-photo'));
    $('#add-photo').classList.toggle('hidden', photos.length >= MAX_PHOTOS);
    const data = new FormData();
    data.append('file', file);
    try {
      const token = residentToken();
      const answer = await api('/api/v1/uploads', { method: 'POST', body: data, auth: false, timeoutMs: 60000,
        headers: token ? { 'X-Resident-Token': token } : {} });
      item.uploadId = answer.uploadId;
      item.node.classList.remove('busy');
      resetKeyOnEdit();
    } catch (e) {
      showError(e);
      remove.click();
    }
  }
}

function success(answer) {
  sessionStorage.removeItem(keyName);
  saveResidentToken(answer.residentToken);
  saveLink(answer.trackingNo, answer.key);
  const link = trackPath(answer.trackingNo, answer.key);
  $('#page').replaceChildren(el('div', { class: 'msg' },
    el('div', { class: 'icon', 'aria-hidden': 'true', text: '✓' }),
    el('h2', { text: answer.folded ? '您已反映过此问题' : '提交成功' }),
    el('p', { text: answer.folded ? '相同的问题已在办理中，已为您记录“我也反映”。' : (target && target.deputyName
      ? '已送达 ' + target.deputyName + ' 代表，代表会尽快受理并答复，请保存查询编号：'
      : '已送达 ' + (target ? target.stationName : '联络站') + '，联络站会尽快受理，请保存查询编号：') }),
    el('div', { class: 'tracking-no', text: answer.trackingNo }),
    el('p', { text: '办理进度可在“我的反映”中随时查看。' }),
    el('div', { class: 'actions' },
      el('a', { class: 'btn btn-primary', href: link, text: '查看办理进度' }),
      el('a', { class: 'btn btn-default', href: '/my', text: '我的反映' }))));
  window.scrollTo(0, 0);
}

async function submit(ev) {
  ev.preventDefault();
  const errBox = $('#form-error');
  errBox.replaceChildren();
  const category = document.querySelector('input[name=category]:checked');
  const content = $('#content').value.trim();
  const contactName = $('#contactName').value.trim();
  const mobile = $('#mobile').value.trim();
  const consent = $('#consent').checked;
  const notifyMe = $('#notifyMe').checked;
  const form = $('#form');
  const place = locationBody();
  const problems = [
    !category && { field: 'category', message: '请选择问题分类' },
    content.length < 5 && { field: 'content', message: '反映内容至少 5 个字' },
    mobile && !/^1[3-9]\d{9}$/.test(mobile) && { field: 'mobile', message: '请填写正确的 11 位手机号' },
    notifyMe && !mobile && { field: 'mobile', message: '需要通知时，请填写手机号' },
    (mobile || contactName) && !consent && { field: 'consent', message: '留下姓名或手机号时，请勾选同意个人信息使用说明' },
    photos.some((p) => !p.uploadId) && { field: 'photo-input', message: '图片还在上传，请稍候' },
    place.problem,
  ].filter(Boolean);
  if (problems.length) {
    showFieldErrors(form, problems);
    return;
  }
  clearFieldErrors(form);
  let key = sessionStorage.getItem(keyName);
  if (!key) {
    key = newKey();
    sessionStorage.setItem(keyName, key);
  }
  const body = { code, category: category.value, content, consent,
    address: $('#address').value.trim() || null, contactName: contactName || null, mobile: mobile || null, notifyMe,
    photoIds: photos.map((p) => p.uploadId), location: place.value };
  const button = $('#submit');
  button.disabled = true;
  button.textContent = '正在提交…';
  try {
    const token = residentToken();
    const headers = { 'Idempotency-Key': key };
    if (token) headers['X-Resident-Token'] = token;
    success(await api('/api/v1/concerns', { method: 'POST', body, headers, auth: false }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 422) sessionStorage.removeItem(keyName);
    if (e && e.errors) e.errors.forEach((x) => { if (POSITION_FIELDS.includes(x.field)) x.field = 'location'; });
    fromApi($('#form'), e, errBox);
    button.disabled = false;
    button.textContent = '提交反映';
  }
}

$('#content').addEventListener('input', () => { renderCount(); resetKeyOnEdit(); });
for (const id of ['address', 'contactName', 'mobile', 'consent', 'notifyMe']) $('#' + id).addEventListener('change', resetKeyOnEdit);
$('#categories').addEventListener('change', resetKeyOnEdit);
$('#location-choices').addEventListener('change', onLocationChoice);
$('#communityId').addEventListener('change', resetKeyOnEdit);
$('#photo-input').addEventListener('change', (e) => { addPhotos(Array.from(e.target.files)); e.target.value = ''; });
$('#form').addEventListener('submit', submit);
init();
