// The cohort builder page (docs/cohort-ui.md, "Builder details"): joins the concept tree, the panels, the run and the
// saved queries; every error of a call is shown in the page's alert area.
(function () {
  'use strict';
  const { element } = LAUNCHER;
  const $ = (id) => document.getElementById(id);

  const RESULT_CHOICES = [
    ['PATIENT_COUNT_XML', 'Patient count'],
    ['PATIENTSET', 'Patient set'],
    ['PATIENT_GENDER_COUNT_XML', 'Gender breakdown'],
    ['PATIENT_AGE_COUNT_XML', 'Age breakdown'],
    ['PATIENT_RACE_COUNT_XML', 'Race breakdown'],
    ['PATIENT_VITALSTATUS_COUNT_XML', 'Vital status breakdown'],
  ];

  function failed(error) {
    LAUNCHER.showError('messages', error);
    $('messages').scrollIntoView({ block: 'nearest' });
  }

  function clearMessages() {
    $('messages').replaceChildren();
  }

  function defaultName() {
    const now = new Date();
    const two = (n) => String(n).padStart(2, '0');
    return 'Query ' + now.getFullYear() + '-' + two(now.getMonth() + 1) + '-' + two(now.getDate()) + ' '
      + two(now.getHours()) + ':' + two(now.getMinutes()) + ':' + two(now.getSeconds());
  }

  function resultCheckboxes() {
    RESULT_CHOICES.forEach(([type, label]) => {
      const id = 'result-' + type;
      const box = element('input', { type: 'checkbox', class: 'form-check-input', id, value: type,
        checked: type === 'PATIENT_COUNT_XML' || type === 'PATIENTSET', disabled: type === 'PATIENT_COUNT_XML' });
      $('result-types').append(element('div', { class: 'form-check' }, box,
        element('label', { class: 'form-check-label', for: id, text: label })));
    });
  }

  function chosenResults() {
    return Array.from($('result-types').querySelectorAll('input:checked')).map((b) => b.value);
  }

  function wireButton(button, action) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      clearMessages();
      try {
        await action();
      } catch (e) {
        failed(e);
      } finally {
        button.disabled = false;
      }
    });
  }

  function start() {
    const target = $('target-panel');
    let tree = null;
    let panels = null;
    // panels came or went: the selector lists them and chooses the last
    function panelsChanged() {
      target.replaceChildren(...Array.from({ length: panels.count() }, (_, i) => element('option',
        { value: String(i + 1), text: 'Panel ' + (i + 1) })));
      target.value = String(panels.count());
      if (tree) tree.targetChanged();
    }
    panels = COHORT_PANELS.create({ container: $('panels'), dropType: COHORT_TREE.DRAG_TYPE, changed: panelsChanged });
    tree = COHORT_TREE.create({
      tree: $('concept-tree'), form: $('concept-search'), input: $('concept-q'), results: $('search-results'),
      target: () => Number(target.value) || panels.count(), add: (concept, n) => panels.add(concept, n), failed,
    });
    panelsChanged();
    target.addEventListener('change', () => tree.targetChanged());

    const runner = COHORT_RUN.create({
      section: $('run-area'), title: $('run-title'), status: $('run-status'), progress: $('run-progress'),
      count: $('run-count'), countLine: $('run-count-line'), set: $('run-set'), warnings: $('run-warnings'),
      breakdowns: $('breakdowns'), cancel: $('cancel-run'), failed,
    });
    const xml = COHORT_RUN.xmlViewer({ section: $('xml-area'), pre: $('i2b2-xml'), copy: $('copy-xml') });

    function definition() {
      const name = $('query-name').value.trim() || defaultName();
      const json = panels.definition(name, $('query-timing').value);
      if (!json.panels.length) {
        throw new LAUNCHER.CallError(0, 'QUERY_EMPTY', 'Add a concept to a panel first.');
      }
      return json;
    }

    const queries = COHORT_QUERIES.create({
      container: $('saved-queries'), failed,
      load(query) {
        panels.loadDefinition(query.definition);
        $('query-name').value = query.name;
        $('query-timing').value = query.definition.timing === 'SAMEVISIT' ? 'SAMEVISIT' : 'ANY';
        $('query-title').scrollIntoView({ block: 'start' });
      },
      async rerun(query) {
        clearMessages();
        try {
          await runner.run(Object.assign({}, query.definition, { name: query.name }), chosenResults());
        } finally {
          await queries.list().catch(failed);
        }
      },
      xml: (query) => xml.showSaved(query.id),
    });

    $('add-panel').addEventListener('click', () => panels.addPanel());
    wireButton($('run-query'), async () => {
      try {
        await runner.run(definition(), chosenResults());
      } finally {
        await queries.list().catch(failed);
      }
    });
    wireButton($('show-xml'), () => xml.show(definition()));
    $('clear-query').addEventListener('click', () => {
      panels.clear();
      $('query-name').value = defaultName();
      $('query-timing').value = 'ANY';
    });
    $('refresh-queries').addEventListener('click', () => { clearMessages(); queries.list().catch(failed); });

    $('query-name').value = defaultName();
    resultCheckboxes();
    tree.load().catch(failed);
    queries.list().catch(failed);
  }

  LAUNCHER.start().then(start).catch(failed);
}());
