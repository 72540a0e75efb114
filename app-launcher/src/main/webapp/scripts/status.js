// The status page: shows what the API server reports at /status, refreshed until the container is ready.
(function () {
  'use strict';
  const apiBase = new URL('../', LAUNCHER.base);
  LAUNCHER.start().catch(() => {}); // the header is a nicety here: the status shows without it
  const $ = (id) => document.getElementById(id);

  function text(el, value) { el.textContent = value; }

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach((c) => { const td = document.createElement('td'); td.textContent = c; tr.appendChild(td); });
    return tr;
  }

  function show(status) {
    const state = $('state');
    state.dataset.state = status.state;
    text(state, { STARTING: 'Starting', LOADING: 'Loading sample data', READY: 'Ready', FAILED: 'Failed' }[status.state] || status.state);
    text($('message'), status.message || '');

    const totals = $('totals');
    totals.replaceChildren();
    if (status.store) {
      [['Records', status.store.records], ['Facts', status.store.facts], ['Visits', status.store.visits],
        ['Concepts', status.store.concepts]].forEach(([k, v]) => {
        const dt = document.createElement('dt'); dt.textContent = k;
        const dd = document.createElement('dd'); dd.textContent = Number(v).toLocaleString();
        totals.append(dt, dd);
      });
      const body = $('statements').querySelector('tbody');
      body.replaceChildren(...Object.entries(status.store.statementsByType)
        .map(([type, n]) => row([type, Number(n).toLocaleString()])));
      $('statements').hidden = false;
    }

    const snap = status.snapshot || {};
    text($('snapshot'), snap.state === 'DONE' && snap.snapshot
      ? `Snapshot ${snap.snapshot.id}: ${Number(snap.snapshot.factCount).toLocaleString()} facts of ${snap.snapshot.patientCount} patients`
      : snap.state === 'FAILED' ? `Failed: ${snap.error}` : (snap.state || '–'));

    const rejected = status.rejectedSources || [];
    $('rejections').hidden = rejected.length === 0;
    $('rejections').querySelector('ul').replaceChildren(...rejected.map((r) => {
      const li = document.createElement('li'); li.textContent = `${r.source}: ${r.message} [${r.code}]`; return li;
    }));
    return status.state === 'READY' && snap.state !== 'PENDING' && snap.state !== 'WRITING';
  }

  async function refresh() {
    try {
      const response = await fetch(new URL('status', apiBase), { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`the API server answered ${response.status}`);
      if (show(await response.json())) return;
    } catch (e) {
      $('state').dataset.state = 'UNREACHABLE';
      text($('state'), 'API server not reachable');
      text($('message'), e.message);
    }
    setTimeout(refresh, 2000);
  }
  refresh();
}());
