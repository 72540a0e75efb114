// Running a query: submit, a progress bar polled every 500 ms while the run is QUEUED or PROCESSING, then the count,
// the patient set's link and one bar chart per breakdown. Also the i2b2 XML of a definition, with a Copy button.
(function () {
  'use strict';
  const { base, call, element } = LAUNCHER;

  const POLL_MS = 500;
  const RUNNING = ['QUEUED', 'PROCESSING'];
  const BREAKDOWNS = {
    PATIENT_GENDER_COUNT_XML: 'Gender',
    PATIENT_AGE_COUNT_XML: 'Age',
    PATIENT_RACE_COUNT_XML: 'Race',
    PATIENT_VITALSTATUS_COUNT_XML: 'Vital status',
  };

  /** The link to a finished run's patient set page, or null. */
  function setLink(run, text) {
    const set = (run.results || []).find((r) => r.type === 'PATIENTSET' && r.status === 'FINISHED');
    return set ? element('a', { href: base + 'cohorts/' + encodeURIComponent(set.id), text }) : null;
  }

  /** The run's patient count as shown (protected), or null before it is ready. */
  function countOf(run) {
    const results = run.results || [];
    const counted = results.find((r) => r.type === 'PATIENT_COUNT_XML' && r.count)
      || results.find((r) => r.type === 'PATIENTSET' && r.count);
    return counted ? counted.count.display : null;
  }

  /**
   * area: the elements of the run section (by id in cohort.html); failed(error) shows an error (of a cancel).
   */
  function create(area) {
    const charts = [];
    let current = null;

    function progress(fraction) {
      const percent = Math.round(Math.max(0, Math.min(1, fraction || 0)) * 100);
      area.progress.setAttribute('aria-valuenow', String(percent));
      area.progress.firstElementChild.style.width = percent + '%';
      area.progress.firstElementChild.textContent = percent + '%';
    }

    function breakdownChart(result) {
      const title = BREAKDOWNS[result.type];
      const cells = Object.entries(result.breakdown || {});
      const canvas = element('canvas', { role: 'img', 'aria-label': title + ' breakdown: '
        + cells.map(([k, c]) => k + ' ' + c.display).join(', ') });
      const column = element('figure', { class: 'col-md-6 breakdown', 'data-type': result.type },
        element('figcaption', { class: 'fw-semibold small', text: title }), canvas);
      area.breakdowns.append(column);
      charts.push(new Chart(canvas, {
        type: 'bar',
        data: { labels: cells.map(([k]) => k), datasets: [{ label: 'Patients', data: cells.map(([, c]) => c.value),
          backgroundColor: '#1f4e79' }] },
        options: { animation: false, plugins: { legend: { display: false },
          tooltip: { callbacks: { label: (ctx) => 'Patients: ' + cells[ctx.dataIndex][1].display } } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      }));
    }

    function clearResults() {
      charts.splice(0).forEach((c) => c.destroy());
      area.breakdowns.replaceChildren();
      area.warnings.replaceChildren();
      area.count.textContent = '';
      area.countLine.hidden = true;
      area.set.hidden = true;
      area.set.replaceChildren();
    }

    function show(run) {
      area.section.hidden = false;
      area.title.textContent = 'Run of "' + run.name + '"';
      const running = RUNNING.includes(run.status);
      area.status.textContent = running ? run.status === 'QUEUED' ? 'Queued…' : 'Processing…'
        : run.status === 'FINISHED' ? 'Finished.' : run.status + (run.message ? ': ' + run.message : '');
      area.progress.hidden = !running;
      area.cancel.hidden = !running;
      progress(run.progress);
      if (running) return;
      const count = countOf(run);
      if (count !== null) {
        area.count.textContent = count;
        area.countLine.hidden = false;
      }
      const link = setLink(run, 'Open set');
      if (link) {
        area.set.replaceChildren('Patient set: ', link);
        area.set.hidden = false;
      }
      (run.warnings || []).forEach((w) => area.warnings.append(element('li', { text: w })));
      (run.results || []).filter((r) => BREAKDOWNS[r.type] && r.breakdown).forEach(breakdownChart);
    }

    async function follow(run) {
      clearResults();
      current = run.id;
      show(run);
      while (RUNNING.includes(run.status) && current === run.id) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (current !== run.id) return null;
        run = await call('cohort/runs/' + encodeURIComponent(run.id));
        show(run);
      }
      if (run.status !== 'FINISHED') {
        throw new LAUNCHER.CallError(0, 'RUN_' + run.status, 'The run ended ' + run.status
          + (run.message ? ': ' + run.message : ''));
      }
      return run;
    }

    area.cancel.addEventListener('click', async () => {
      if (current === null) return;
      try {
        await call('cohort/runs/' + encodeURIComponent(current), { method: 'DELETE' });
      } catch (e) {
        area.failed(e);
      }
    });

    return {
      /** Submits a run and follows it to its end; answers the finished run. */
      async run(definition, results) {
        clearResults();
        area.section.hidden = false;
        area.title.textContent = 'Run of "' + definition.name + '"';
        area.status.textContent = 'Submitting…';
        area.progress.hidden = false;
        progress(0);
        const run = await call('cohort/runs', { method: 'POST', json: { definition, results } });
        return follow(run);
      },
    };
  }

  /** "Show i2b2 XML": the definition as i2b2's query_definition in a pre, with a Copy button. */
  function xmlViewer(area) {
    area.copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(area.pre.textContent);
        area.copy.textContent = 'Copied';
      } catch (e) {
        const range = document.createRange();
        range.selectNodeContents(area.pre);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        area.copy.textContent = 'Selected: press Ctrl+C';
      }
    });
    return {
      async show(definition) {
        const xml = await call('cohort/definitions/i2b2', { method: 'POST', json: definition, text: true,
          headers: { Accept: 'application/xml, application/json' } });
        area.pre.textContent = xml;
        area.copy.textContent = 'Copy';
        area.section.hidden = false;
        area.section.scrollIntoView({ block: 'nearest' });
      },
      async showSaved(queryId) {
        area.pre.textContent = await call('cohort/queries/' + encodeURIComponent(queryId) + '/i2b2', { text: true,
          headers: { Accept: 'application/xml, application/json' } });
        area.copy.textContent = 'Copy';
        area.section.hidden = false;
        area.section.scrollIntoView({ block: 'nearest' });
      },
    };
  }

  window.COHORT_RUN = { create, xmlViewer, setLink, countOf };
}());
