'use strict';
// The live dashboard: statistics from news.dashboard (by key) and alerts, drawn as they change.
ww.dashboard = (function () {
  const stats = new Map();
  const alerts = [];
  const seenAlerts = new Set();
  let range = 'minute';
  let volumeChart = null;
  let trendingChart = null;
  let dirty = false;
  const palette = ['#1f6fb8', '#f5a524', '#6c5ce7', '#17845b', '#e0517a', '#00a3bf'];

  function parseKey(key) {
    const parts = key.split('/');
    return { kind: parts[0], granularity: parts[1], name: parts.slice(2, -1).join('/'), start: parts[parts.length - 1] };
  }

  function volumes(kind, granularity) {
    const out = [];
    for (const [key, v] of stats) {
      if (key.startsWith(kind + '/' + granularity + '/')) out.push({ key: parseKey(key), value: v });
    }
    return out;
  }

  function buckets(granularity) {
    const step = granularity === 'minute' ? 60e3 : 3600e3;
    const n = granularity === 'minute' ? 60 : 48;
    const end = Math.floor(Date.now() / step) * step;
    const starts = [];
    for (let t = end - (n - 1) * step; t <= end; t += step) starts.push(t);
    return starts;
  }

  function label(t, granularity) {
    const d = new Date(t);
    return granularity === 'minute'
      ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
      : d.toLocaleString([], { weekday: 'short', hour: '2-digit' });
  }

  // Stacked bars per time bucket: the busiest sources, the rest as "Other". Leading empty buckets
  // are trimmed (keeping at least a quarter of the range) so a fresh feed is not a sliver.
  function drawVolume() {
    if (!window.Chart) return;
    let starts = buckets(range);
    const index = new Map(starts.map((t, i) => [t, i]));
    const series = new Map();
    for (const { key, value } of volumes('volume', range)) {
      const i = index.get(Date.parse(key.start));
      if (i === undefined) continue;
      if (!series.has(key.name)) series.set(key.name, new Array(starts.length).fill(0));
      series.get(key.name)[i] = value.count;
    }
    const total = series.get('*') || new Array(starts.length).fill(0);
    const first = Math.min(total.findIndex((n) => n > 0) >= 0 ? total.findIndex((n) => n > 0) : starts.length, Math.floor(starts.length * 3 / 4));
    const from = Math.max(0, first - 2);
    starts = starts.slice(from);
    const ranked = [...series.entries()].filter(([n]) => n !== '*')
      .map(([n, d]) => [n, d.slice(from), d.reduce((a, b) => a + b, 0)])
      .sort((a, b) => b[2] - a[2]);
    const top = ranked.slice(0, 5);
    const other = total.slice(from).map((n, i) => n - top.reduce((a, [, d]) => a + d[i], 0));
    const datasets = top.map(([name, data], i) => ({
      label: name, data, backgroundColor: palette[i % palette.length], borderRadius: 3, stack: 'v',
    }));
    if (other.some((n) => n > 0)) datasets.push({ label: 'Other', data: other, backgroundColor: '#c9d6e8', borderRadius: 3, stack: 'v' });
    const labels = starts.map((t) => label(t, range));
    if (!volumeChart) {
      volumeChart = new Chart(document.getElementById('volume-chart'), {
        type: 'bar',
        data: { labels, datasets },
        options: {
          animation: false, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, usePointStyle: true } } },
          scales: {
            x: { stacked: true, grid: { display: false }, ticks: { maxTicksLimit: 10, color: '#5d6b82' } },
            y: { stacked: true, beginAtZero: true, ticks: { precision: 0, color: '#5d6b82' }, grid: { color: '#eef2f8' } },
          },
        },
      });
    } else {
      volumeChart.data.labels = labels;
      volumeChart.data.datasets = datasets;
      volumeChart.update('none');
    }
  }

  function sumLastHour(kind) {
    const since = Date.now() - 3600e3;
    const byName = new Map();
    for (const { key, value } of volumes(kind, 'minute')) {
      if (Date.parse(key.start) < since) continue;
      byName.set(key.name, (byName.get(key.name) || 0) + value.count);
    }
    return byName;
  }

  function drawKpis() {
    const sources = sumLastHour('volume');
    document.getElementById('kpi-articles').textContent = (sources.get('*') || 0).toLocaleString();
    document.getElementById('kpi-sources').textContent = [...sources.keys()].filter((k) => k !== '*').length;
    const today = new Date();
    today.setUTCHours(0, 0, 0, 0);
    let n = 0;
    for (const [key, v] of stats) {
      if (key.startsWith('alerts/day/rule/') && Date.parse(v.windowStart) === today.getTime()) n += v.count;
    }
    document.getElementById('kpi-alerts').textContent = n.toLocaleString();
    const trending = stats.get('entities/trending');
    document.getElementById('kpi-trending').textContent = trending ? trending.items.length : 0;
  }

  function drawTrending() {
    const trending = (stats.get('entities/trending') || { items: [] }).items;
    document.getElementById('trending-empty').hidden = trending.length > 0;
    document.getElementById('trending-chart').parentElement.hidden = trending.length === 0;
    if (!window.Chart || trending.length === 0) return;
    const labels = trending.map((e) => e.name);
    const datasets = [
      { label: 'Mentions now (15 min)', data: trending.map((e) => e.current), backgroundColor: '#e0517a', borderRadius: 4 },
      { label: 'Usual (baseline)', data: trending.map((e) => e.baseline), backgroundColor: '#c9d6e8', borderRadius: 4 },
    ];
    if (!trendingChart) {
      trendingChart = new Chart(document.getElementById('trending-chart'), {
        type: 'bar',
        data: { labels, datasets },
        options: {
          indexAxis: 'y', animation: false, maintainAspectRatio: false,
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
          scales: {
            x: { beginAtZero: true, ticks: { precision: 0, color: '#5d6b82' }, grid: { color: '#eef2f8' } },
            y: { grid: { display: false }, ticks: { color: '#172033' } },
          },
        },
      });
    } else {
      trendingChart.data.labels = labels;
      trendingChart.data.datasets = datasets;
      trendingChart.update('none');
    }
  }

  function drawStories() {
    const items = (stats.get('stories/top') || { items: [] }).items;
    const list = document.getElementById('stories');
    ww.clear(list);
    document.getElementById('stories-empty').hidden = items.length > 0;
    for (const s of items) {
      const li = ww.el('li');
      li.dataset.storyId = s.id;
      const main = ww.el('div');
      main.appendChild(ww.storyLink(s.id, s.title || '(untitled)', 'story-title'));
      main.appendChild(ww.el('span', 'story-meta', 'first seen ' + ww.time(s.firstSeen) + ' · last ' + ww.time(s.lastSeen)));
      li.appendChild(main);
      const reach = ww.el('div', 'reach');
      reach.appendChild(ww.el('span', 'pill sources', s.sources + (s.sources === 1 ? ' source' : ' sources')));
      reach.appendChild(ww.el('span', 'pill', s.articles + (s.articles === 1 ? ' article' : ' articles')));
      if (s.copies > 0) reach.appendChild(ww.el('span', 'pill copies', s.copies + (s.copies === 1 ? ' copy' : ' copies')));
      li.appendChild(reach);
      list.appendChild(li);
    }
  }

  function drawBars(listId, emptyId, rows) {
    const list = document.getElementById(listId);
    ww.clear(list);
    document.getElementById(emptyId).hidden = rows.length > 0;
    const max = Math.max(1, ...rows.map((r) => r.n));
    for (const r of rows) {
      const li = ww.el('li');
      const name = ww.el('span', 'name', r.name);
      if (r.type) name.appendChild(ww.el('span', 'type', r.type));
      li.appendChild(name);
      li.appendChild(ww.el('span', 'n', r.n));
      const bar = ww.el('progress');
      bar.max = max;
      bar.value = r.n;
      li.appendChild(bar);
      list.appendChild(li);
    }
  }

  function drawEntities() {
    const items = (stats.get('entities/top') || { items: [] }).items.slice(0, 8);
    drawBars('top-entities', 'entities-empty', items.map((e) => ({ name: e.name, type: (e.type || '').toLowerCase(), n: e.mentions24h })));
    const langs = [...sumLastHour('language-volume').entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
    drawBars('languages', 'languages-empty', langs.map(([name, n]) => ({ name, n })));
  }

  function drawAlertCounts() {
    const today = new Date();
    today.setUTCHours(0, 0, 0, 0);
    for (const dim of ['rule', 'subscriber']) {
      const rows = [];
      for (const [key, v] of stats) {
        if (key.startsWith('alerts/day/' + dim + '/') && Date.parse(v.windowStart) === today.getTime()) {
          rows.push([dim === 'rule' ? v.ruleId : v.subscriber, v.count]);
        }
      }
      rows.sort((a, b) => b[1] - a[1]);
      const body = document.querySelector('#alerts-by-' + dim + ' tbody');
      ww.clear(body);
      if (rows.length === 0) {
        const tr = ww.el('tr');
        const td = ww.el('td', 'muted', 'none yet');
        td.colSpan = 2;
        tr.appendChild(td);
        body.appendChild(tr);
      }
      for (const [name, n] of rows.slice(0, 8)) {
        const tr = ww.el('tr');
        tr.appendChild(ww.el('td', null, name));
        tr.appendChild(ww.el('td', 'num', n));
        body.appendChild(tr);
      }
    }
  }

  function alertItem(a, fresh) {
    const li = ww.el('li', fresh ? 'fresh' : null);
    li.dataset.storyId = a.storyId || '';
    const top = ww.el('div', 'alert-top');
    top.appendChild(ww.el('span', 'badge', a.ruleId));
    top.appendChild(ww.el('span', 'badge sub', a.subscriber));
    if (a.mode === 'DIGEST') top.appendChild(ww.el('span', 'badge sub', 'digest · ' + (a.count || 1)));
    top.appendChild(ww.el('span', 'alert-time', ww.time(a.alertedAt)));
    li.appendChild(top);
    const title = a.storyId ? ww.storyLink(a.storyId, a.title || '(untitled)', 'alert-title') : ww.el('span', 'alert-title', a.title || '(untitled)');
    li.appendChild(title);
    if (a.source) li.appendChild(ww.el('div', 'alert-source', a.source));
    li.appendChild(ww.snippet(a.snippet));
    return li;
  }

  function addAlert(a, fresh) {
    const id = [a.ruleId, a.articleId, a.alertedAt, a.subscriber].join('|');
    if (seenAlerts.has(id)) return;
    seenAlerts.add(id);
    alerts.unshift(a);
    alerts.sort((x, y) => String(y.alertedAt).localeCompare(String(x.alertedAt)));
    if (alerts.length > 50) alerts.length = 50;
    const list = document.getElementById('alerts');
    ww.clear(list);
    alerts.forEach((x) => list.appendChild(alertItem(x, fresh && x === a)));
    document.getElementById('alerts-empty').hidden = alerts.length > 0;
    document.getElementById('alerts-hint').textContent = alerts.length + ' latest';
  }

  function redraw() {
    if (!dirty) return;
    dirty = false;
    drawKpis();
    drawVolume();
    drawTrending();
    drawStories();
    drawEntities();
    drawAlertCounts();
  }

  function setStat(key, value) {
    if (value === null || value === undefined) stats.delete(key); else stats.set(key, value);
    if (key === 'alerts/recent' && value && value.items) value.items.slice().reverse().forEach((a) => addAlert(a, false));
    dirty = true;
  }

  function init() {
    document.querySelectorAll('#volume-range button').forEach((b) => b.addEventListener('click', () => {
      range = b.dataset.range;
      document.querySelectorAll('#volume-range button').forEach((x) => x.classList.toggle('active', x === b));
      dirty = true;
      redraw();
    }));
    setInterval(redraw, 500);
    // the time axis moves on even when nothing arrives
    setInterval(() => { dirty = true; }, 30000);
  }

  return {
    init,
    snapshot(data) {
      stats.clear();
      Object.entries(data.stats || {}).forEach(([k, v]) => setStat(k, v));
      (data.alerts || []).slice().reverse().forEach((a) => addAlert(a, false));
      dirty = true;
      redraw();
    },
    stat(update) { setStat(update.key, update.value); },
    alert(a) { addAlert(a, true); },
    resize() { if (volumeChart) volumeChart.resize(); if (trendingChart) trendingChart.resize(); },
  };
})();
