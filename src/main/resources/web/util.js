'use strict';
// Shared helpers. Article text is untrusted: everything goes into the page as text (textContent),
// never as HTML.
window.ww = window.ww || {};

ww.el = function (tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
};

ww.clear = function (node) {
  while (node.firstChild) node.removeChild(node.firstChild);
};

ww.tokens = {
  api: () => sessionStorage.getItem('ww.apiToken') || '',
  read: () => sessionStorage.getItem('ww.readToken') || '',
  setApi: (t) => t ? sessionStorage.setItem('ww.apiToken', t) : sessionStorage.removeItem('ww.apiToken'),
  setRead: (t) => t ? sessionStorage.setItem('ww.readToken', t) : sessionStorage.removeItem('ww.readToken'),
};

// fetch JSON; reads carry the read token (or the API token), writes the API token.
ww.api = async function (path, options) {
  const opts = Object.assign({ method: 'GET', headers: {} }, options || {});
  const token = opts.method === 'GET' ? (ww.tokens.read() || ww.tokens.api()) : ww.tokens.api();
  if (token) opts.headers.Authorization = 'Bearer ' + token;
  const res = await fetch(path, opts);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  return { status: res.status, ok: res.ok, body: body || {} };
};

// Only http(s) links from articles become links: no javascript: or data: URLs.
ww.safeUrl = function (url) {
  try {
    const u = new URL(url, window.location.href);
    return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
  } catch (e) {
    return null;
  }
};

ww.time = function (iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return '';
  return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
};

ww.dateTime = function (iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  return d.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
};

// A snippet marks matches with « »: the marked parts become <mark> elements holding text.
ww.snippet = function (text) {
  const p = ww.el('p', 'snippet');
  const parts = String(text || '').split(/(«[^»]*»)/);
  for (const part of parts) {
    if (part.startsWith('«') && part.endsWith('»')) {
      p.appendChild(ww.el('mark', null, part.slice(1, -1)));
    } else if (part) {
      p.appendChild(document.createTextNode(part));
    }
  }
  return p;
};

ww.storyLink = function (storyId, text, className) {
  const a = ww.el('a', className, text);
  a.href = '#/story/' + encodeURIComponent(storyId);
  return a;
};
