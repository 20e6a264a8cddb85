'use strict';
// Routing between the views, and the live connection (server-sent events from /api/events).
(function () {
  let source = null;

  function status(state, text) {
    const s = document.getElementById('status');
    s.dataset.state = state;
    document.getElementById('status-text').textContent = text;
  }

  function askReadToken() {
    const dialog = document.getElementById('read-token-dialog');
    if (dialog.open) return;
    document.getElementById('read-token-form').addEventListener('submit', () => {
      ww.tokens.setRead(document.getElementById('read-token-input').value.trim());
      connect();
    }, { once: true });
    dialog.showModal();
  }

  async function connect() {
    if (source) source.close();
    // asked without a token: does reading need one at all?
    const needsToken = (await fetch('/api/rules')).status === 401;
    if (needsToken && (await ww.api('/api/rules')).status === 401) {
      askReadToken();
      return;
    }
    // EventSource sends no headers, so its token goes in the URL, where proxies and the browser's
    // history keep it: only the read token goes there, and only when reading needs one. The API
    // token changes rules; it stays in headers.
    const token = ww.tokens.read();
    if (needsToken && !token) {
      askReadToken();
      return;
    }
    source = new EventSource('/api/events' + (needsToken ? '?access_token=' + encodeURIComponent(token) : ''));
    source.addEventListener('open', () => status('live', 'Live'));
    source.addEventListener('error', () => status('down', 'Reconnecting…'));
    source.addEventListener('snapshot', (e) => ww.dashboard.snapshot(JSON.parse(e.data)));
    source.addEventListener('stat', (e) => ww.dashboard.stat(JSON.parse(e.data)));
    source.addEventListener('alert', (e) => ww.dashboard.alert(JSON.parse(e.data)));
  }

  function route() {
    const hash = window.location.hash || '#/';
    const story = hash.match(/^#\/story\/(.+)$/);
    const view = story ? 'story' : hash === '#/rules' ? 'rules' : 'dashboard';
    for (const v of ['dashboard', 'story', 'rules']) {
      document.getElementById('view-' + v).hidden = v !== view;
    }
    document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === view));
    if (story) ww.story.load(decodeURIComponent(story[1]));
    if (view === 'rules') ww.rules.load();
    if (view === 'dashboard') ww.dashboard.resize();
    window.scrollTo(0, 0);
  }

  document.addEventListener('DOMContentLoaded', () => {
    ww.dashboard.init();
    ww.rules.init();
    window.addEventListener('hashchange', route);
    route();
    connect();
  });
})();
