// Record search (name, birth date, MRN) and a paged result list; the page says where a record's link goes.
(function () {
  'use strict';
  const PAGE = 25;
  const { call, element, showError } = window.LAUNCHER;

  function banner(record) {
    return [record.gender, record.birthday ? 'born ' + record.birthday : null, record.mrn ? 'MRN ' + record.mrn : null]
      .filter(Boolean).join(' · ');
  }

  // form: the search form; list: where results go; linkOf(record) → href of the record's link
  function attach(form, list, linkOf) {
    let offset = 0;

    async function search() {
      const data = new FormData(form);
      const query = new URLSearchParams();
      ['q', 'birthday', 'mrn'].forEach((k) => { if ((data.get(k) || '').trim()) query.set(k, data.get(k).trim()); });
      query.set('offset', offset);
      query.set('limit', PAGE);
      list.setAttribute('aria-busy', 'true');
      try {
        const result = await call('records?' + query);
        render(result);
      } catch (e) {
        showError(list, e);
      } finally {
        list.removeAttribute('aria-busy');
      }
    }

    function render(result) {
      const items = result.records.map((r) => element('li', { class: 'list-group-item d-flex justify-content-between' },
        element('a', { href: linkOf(r), text: r.full_name }),
        element('span', { class: 'text-body-secondary', text: banner(r) })));
      const summary = element('p', { class: 'text-body-secondary', role: 'status',
        text: result.total === 0 ? 'No records match.' :
          `Records ${offset + 1}–${offset + result.records.length} of ${result.total}` });
      const pager = element('div', { class: 'd-flex gap-2 mt-2' });
      if (offset > 0) {
        pager.append(element('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', text: 'Previous' }));
        pager.lastChild.addEventListener('click', () => { offset = Math.max(0, offset - PAGE); search(); });
      }
      if (offset + result.records.length < result.total) {
        pager.append(element('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', text: 'Next' }));
        pager.lastChild.addEventListener('click', () => { offset += PAGE; search(); });
      }
      list.replaceChildren(summary, element('ul', { class: 'list-group', 'aria-label': 'Records' }, ...items), pager);
    }

    form.addEventListener('submit', (event) => { event.preventDefault(); offset = 0; search(); });
    search();
  }

  window.RECORD_SEARCH = { attach, banner };
}());
