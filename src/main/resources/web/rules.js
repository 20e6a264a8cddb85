'use strict';
// Rule management: list, add, edit (a POST with the same id replaces the rule) and delete, with
// the parser's message shown next to the query. Changes need the API token.
ww.rules = (function () {
  const form = () => document.getElementById('rule-form');

  function tokenState() {
    document.getElementById('token-state').textContent = ww.tokens.api()
      ? 'A token is set for this tab.'
      : 'No token set: you can look, but not change rules.';
  }

  function fieldError(message) {
    const box = document.getElementById('rule-error');
    box.textContent = message || '';
    box.hidden = !message;
    document.getElementById('rule-query').classList.toggle('invalid', !!message);
  }

  function ok(message) {
    const box = document.getElementById('rule-ok');
    box.textContent = message || '';
    box.hidden = !message;
  }

  function edit(rule) {
    document.getElementById('rule-form-title').textContent = 'Edit rule';
    document.getElementById('rule-id').value = rule.id;
    document.getElementById('rule-query').value = rule.query;
    document.getElementById('rule-mode').value = rule.mode;
    document.getElementById('rule-subscriber').value = rule.subscriber;
    fieldError(null);
    ok(null);
    document.getElementById('rule-query').focus();
  }

  function reset() {
    form().reset();
    document.getElementById('rule-form-title').textContent = 'New rule';
    fieldError(null);
  }

  async function remove(rule) {
    if (!window.confirm('Delete the rule "' + rule.id + '"?')) return;
    const res = await ww.api('/api/rules/' + encodeURIComponent(rule.id), { method: 'DELETE' });
    if (!res.ok) {
      ok(null);
      fieldError(res.body.error || ('Could not delete (' + res.status + ')'));
      return;
    }
    ok('Rule "' + rule.id + '" deleted.');
    setTimeout(load, 800);
  }

  async function load() {
    const res = await ww.api('/api/rules');
    const body = document.querySelector('#rules-table tbody');
    ww.clear(body);
    const rules = (res.body.rules || []).slice().sort((a, b) => a.id.localeCompare(b.id));
    document.getElementById('rules-empty').hidden = rules.length > 0;
    document.getElementById('rules-count').textContent = rules.length + (rules.length === 1 ? ' rule' : ' rules');
    for (const r of rules) {
      const tr = ww.el('tr');
      tr.dataset.ruleId = r.id;
      tr.appendChild(ww.el('td', null, r.id));
      tr.appendChild(ww.el('td', 'query', r.query));
      tr.appendChild(ww.el('td', null, r.mode));
      tr.appendChild(ww.el('td', null, r.subscriber));
      const actions = ww.el('td', 'cell-actions');
      const e = ww.el('button', 'small', 'Edit');
      e.type = 'button';
      e.addEventListener('click', () => edit(r));
      const d = ww.el('button', 'small danger', 'Delete');
      d.type = 'button';
      d.addEventListener('click', () => remove(r));
      actions.append(e, ' ', d);
      tr.appendChild(actions);
      body.appendChild(tr);
    }
    const refused = document.getElementById('rules-refused');
    ww.clear(refused);
    for (const r of res.body.refused || []) {
      refused.appendChild(ww.el('p', 'notice error', 'Refused rule ' + r.id + ': ' + r.error));
    }
  }

  async function save(event) {
    event.preventDefault();
    ok(null);
    fieldError(null);
    if (!ww.tokens.api()) {
      fieldError('Set the API token (on the right) to change rules.');
      return;
    }
    const rule = {
      id: document.getElementById('rule-id').value.trim(),
      query: document.getElementById('rule-query').value,
      mode: document.getElementById('rule-mode').value,
      subscriber: document.getElementById('rule-subscriber').value.trim(),
    };
    const res = await ww.api('/api/rules', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(rule),
    });
    if (res.status === 401) {
      fieldError('The API token was refused.');
    } else if (!res.ok) {
      fieldError(res.body.error || ('Could not save (' + res.status + ')'));
    } else {
      ok('Rule "' + rule.id + '" saved. It applies to articles from now on.');
      reset();
      setTimeout(load, 800);
    }
  }

  function init() {
    form().addEventListener('submit', save);
    document.getElementById('rule-reset').addEventListener('click', reset);
    document.getElementById('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      ww.tokens.setApi(document.getElementById('token-input').value.trim());
      document.getElementById('token-input').value = '';
      tokenState();
    });
    document.getElementById('token-forget').addEventListener('click', () => {
      ww.tokens.setApi('');
      tokenState();
    });
    tokenState();
  }

  return { init, load };
})();
