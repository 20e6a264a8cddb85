'use strict';
// The story view: the canonical article and every copy and write-up, from GET /api/stories/{id}
// (answered by whichever instance holds the story).
ww.story = (function () {
  const KIND = { UNIQUE: 'Original', DUPLICATE: 'Duplicate', SYNDICATED: 'Syndicated' };

  function show(error) {
    const box = document.getElementById('story-error');
    box.textContent = error || '';
    box.hidden = !error;
    document.getElementById('story-head').hidden = !!error;
    document.getElementById('story-copies-card').hidden = !!error;
  }

  async function load(id) {
    document.getElementById('story-head').hidden = true;
    document.getElementById('story-copies-card').hidden = true;
    let res;
    for (let attempt = 0; attempt < 5; attempt++) {
      res = await ww.api('/api/stories/' + encodeURIComponent(id));
      if (res.status !== 503) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    if (!res.ok) {
      show(res.body.error || ('The story could not be loaded (' + res.status + ').'));
      return;
    }
    render(res.body);
    show(null);
  }

  function render(s) {
    const c = s.canonical || {};
    document.getElementById('story-id').textContent = s.storyId;
    document.getElementById('story-title').textContent = c.title || '(untitled)';
    const chips = document.getElementById('story-chips');
    ww.clear(chips);
    chips.appendChild(ww.el('span', 'pill sources', s.sources + (s.sources === 1 ? ' source' : ' sources')));
    chips.appendChild(ww.el('span', 'pill', s.articles.length + (s.articles.length === 1 ? ' article' : ' articles')));
    const copies = s.articles.filter((a) => a.status !== 'UNIQUE').length;
    if (copies) chips.appendChild(ww.el('span', 'pill copies', copies + (copies === 1 ? ' copy' : ' copies')));
    chips.appendChild(ww.el('span', 'pill', 'first seen ' + ww.dateTime(s.firstSeen)));
    document.getElementById('story-canonical-meta').textContent =
      [c.source, c.publishedAt ? 'published ' + ww.dateTime(c.publishedAt) : null, 'seen ' + ww.dateTime(c.seenAt)]
        .filter(Boolean).join(' · ');
    document.getElementById('story-lead').textContent = c.lead || '';
    const link = document.getElementById('story-link');
    const url = ww.safeUrl(c.url);
    link.hidden = !url;
    if (url) link.href = url;
    document.getElementById('story-served').textContent = s.servedBy ? 'answered by ' + s.servedBy : '';

    const body = document.querySelector('#story-articles tbody');
    ww.clear(body);
    for (const a of s.articles) {
      const tr = ww.el('tr');
      tr.appendChild(ww.el('td', 'num', ww.dateTime(a.seenAt)));
      tr.appendChild(ww.el('td', null, a.source || '(unknown)'));
      const title = ww.el('td');
      const href = ww.safeUrl(a.url);
      if (href) {
        const link2 = ww.el('a', null, a.title || '(untitled)');
        link2.href = href;
        link2.target = '_blank';
        link2.rel = 'noopener noreferrer nofollow';
        title.appendChild(link2);
      } else {
        title.textContent = a.title || '(untitled)';
      }
      tr.appendChild(title);
      const kind = ww.el('td');
      kind.appendChild(ww.el('span', 'kind ' + (KIND[a.status] ? a.status : ''), KIND[a.status] || a.status));
      tr.appendChild(kind);
      tr.appendChild(ww.el('td', 'num', a.status === 'UNIQUE' ? '—' : Math.round(a.similarity * 100) + '%'));
      body.appendChild(tr);
    }
  }

  return { load };
})();
