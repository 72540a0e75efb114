// The saved queries (i2b2's query master list): the caller's queries, newest first, with their last run's count and
// patient set; Load, Run again, Rename, Delete and their i2b2 XML.
(function () {
  'use strict';
  const { call, element } = LAUNCHER;

  /**
   * options: container; load(query) (into the builder), rerun(query), xml(query), failed(error).
   * A query here is what GET /cohort/queries/{id} answers (with its definition).
   */
  function create(options) {
    const path = (id) => 'cohort/queries/' + encodeURIComponent(id);

    function button(text, label, action, style) {
      const b = element('button', { type: 'button', class: 'btn btn-sm ' + (style || 'btn-outline-secondary'),
        'aria-label': label, text });
      b.addEventListener('click', async () => {
        b.disabled = true;
        try {
          await action();
        } catch (e) {
          options.failed(e);
        } finally {
          b.disabled = false;
        }
      });
      return b;
    }

    function renameForm(query, cell) {
      const field = element('input', { type: 'text', class: 'form-control form-control-sm', maxlength: '250',
        'aria-label': 'New name of ' + query.name, required: true });
      field.value = query.name;
      const form = element('form', { class: 'd-flex gap-1' }, field,
        element('button', { type: 'submit', class: 'btn btn-sm btn-primary', text: 'Save name' }));
      const cancel = element('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', text: 'Cancel' });
      cancel.addEventListener('click', () => list().catch(options.failed));
      form.append(cancel);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        try {
          await call(path(query.id), { method: 'PATCH', json: { name: field.value } });
          await list();
        } catch (err) {
          options.failed(err);
        }
      });
      cell.replaceChildren(form);
      field.focus();
    }

    function row(query) {
      const run = query.last_run;
      const nameCell = element('td', { class: 'query-name', text: query.name });
      const setCell = element('td');
      const link = run ? COHORT_RUN.setLink(run, 'Open set') : null;
      if (link) {
        link.setAttribute('aria-label', 'Open set of ' + query.name);
        setCell.append(link);
      }
      const count = run ? COHORT_RUN.countOf(run) : null;
      const actions = element('td', { class: 'd-flex flex-wrap gap-1' },
        button('Load', 'Load ' + query.name, async () => options.load(await call(path(query.id)))),
        button('Run again', 'Run ' + query.name + ' again', async () => options.rerun(await call(path(query.id)))),
        button('Rename', 'Rename ' + query.name, async () => renameForm(query, nameCell)),
        button('i2b2 XML', 'Show i2b2 XML of ' + query.name, async () => options.xml(query)),
        button('Delete', 'Delete ' + query.name, async () => {
          if (!window.confirm('Delete the query "' + query.name + '"? Its runs and sets stay.')) return;
          await call(path(query.id), { method: 'DELETE' });
          await list();
        }, 'btn-outline-danger'));
      return element('tr', { 'data-query': String(query.id) }, nameCell,
        element('td', { class: 'small', text: new Date(query.created).toLocaleString() }),
        element('td', { class: 'query-count', text: count === null ? run ? run.status : '–' : count }),
        setCell, actions);
    }

    async function list() {
      const answer = await call('cohort/queries?offset=0&limit=50');
      if (!answer.queries.length) {
        options.container.replaceChildren(element('p', { class: 'text-body-secondary mb-0', text: 'No saved queries yet.' }));
        return;
      }
      const head = element('tr', {}, ...['Name', 'Created', 'Last count', 'Patient set', 'Actions']
        .map((t) => element('th', { scope: 'col', text: t })));
      const table = element('table', { class: 'table table-sm align-middle mb-0 saved-queries' },
        element('thead', {}, head), element('tbody', {}, ...answer.queries.map(row)));
      const parts = [table];
      if (answer.total > answer.queries.length) {
        parts.push(element('p', { class: 'small text-body-secondary mb-0', text: 'The newest ' + answer.queries.length
          + ' of ' + answer.total + ' queries.' }));
      }
      options.container.replaceChildren(...parts);
    }

    return { list };
  }

  window.COHORT_QUERIES = { create };
}());
