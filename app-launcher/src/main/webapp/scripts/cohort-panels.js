// The panels of the cohort builder and the query definition they make (the cohort JSON of docs/cohort-engine.md).
// A definition loaded from a saved query keeps what the builder does not edit (modifiers, several value or age
// constraints, subqueries, temporal constraints) and sends it back unchanged.
(function () {
  'use strict';
  const { element } = LAUNCHER;

  const COMPARISONS = [['GE', '≥'], ['GT', '>'], ['EQ', '='], ['NE', '≠'], ['LE', '≤'], ['LT', '<']];
  const TIMINGS = [['ANY', 'Any time'], ['SAMEVISIT', 'Same visit']];

  function emptyPanel() {
    return { invert: false, from: '', to: '', occurrenceOperator: 'GE', occurrences: 1, timing: 'ANY', items: [] };
  }

  // A loaded panel may have a timing the builder does not offer (SAMEINSTANCENUM): it stays a choice.
  function timings(current) {
    return TIMINGS.some(([t]) => t === current) ? TIMINGS : TIMINGS.concat([[current, current]]);
  }

  function select(label, choices, value, changed) {
    const s = element('select', { class: 'form-select form-select-sm w-auto', 'aria-label': label });
    choices.forEach(([v, text]) => s.append(element('option', { value: v, text, selected: v === value })));
    s.addEventListener('change', () => changed(s.value));
    return s;
  }

  function input(attributes, value, changed) {
    const i = element('input', Object.assign({ class: 'form-control form-control-sm' }, attributes));
    i.value = value;
    i.addEventListener('input', () => changed(i.value));
    return i;
  }

  /** options: container (where the panels go), dropType (the drag data type of a concept), changed() (panels added or removed). */
  function create(options) {
    let panels = [emptyPanel()];
    let kept = {};

    function itemRow(panel, number, item, index) {
      const row = element('li', { class: 'panel-item border rounded p-2' });
      const head = element('div', { class: 'd-flex align-items-center gap-2' },
        element('span', { class: 'fw-semibold flex-grow-1', text: item.name, title: item.key }));
      const remove = element('button', { type: 'button', class: 'btn-close', 'aria-label': 'Remove ' + item.name
        + ' from panel ' + number });
      remove.addEventListener('click', () => { panel.items.splice(index, 1); render(); });
      head.append(remove);
      row.append(head);
      const constraints = element('div', { class: 'd-flex flex-wrap align-items-center gap-2 mt-1 small' });
      if (item.code) {
        constraints.append(element('span', { text: 'Value' }),
          select('Value operator of ' + item.name, [['', 'any value']].concat(COMPARISONS), item.valueOperator,
            (v) => { item.valueOperator = v; }),
          input({ type: 'number', step: 'any', 'aria-label': 'Value of ' + item.name, class:
            'form-control form-control-sm constraint-number' }, item.value, (v) => { item.value = v; }));
      }
      constraints.append(element('span', { text: 'Age at event' }),
        select('Age operator of ' + item.name, [['', 'any age']].concat(COMPARISONS), item.ageOperator,
          (v) => { item.ageOperator = v; }),
        input({ type: 'number', min: '0', max: '150', step: '1', 'aria-label': 'Age in years of ' + item.name,
          class: 'form-control form-control-sm constraint-number' }, item.ageYears, (v) => { item.ageYears = v; }),
        element('span', { text: 'years' }));
      if (item.keptNote) constraints.append(element('span', { class: 'text-body-secondary', text: item.keptNote }));
      row.append(constraints);
      return row;
    }

    function panelCard(panel, index) {
      const number = index + 1;
      const card = element('div', { class: 'panel-card card', 'data-panel': String(number),
        'aria-label': 'Panel ' + number, role: 'group' });
      const body = element('div', { class: 'card-body p-2' });
      const remove = element('button', { type: 'button', class: 'btn btn-outline-danger btn-sm',
        text: 'Remove panel ' + number });
      remove.addEventListener('click', () => {
        panels.splice(index, 1);
        if (!panels.length) panels.push(emptyPanel());
        render();
        options.changed();
      });
      body.append(element('div', { class: 'd-flex flex-wrap align-items-center gap-2 mb-2' },
        element('h3', { class: 'h6 mb-0 me-2', text: 'Panel ' + number }),
        select('Panel ' + number + ': include or exclude', [['include', 'Include'], ['exclude', 'Exclude']],
          panel.invert ? 'exclude' : 'include', (v) => { panel.invert = v === 'exclude'; card.classList.toggle('panel-excluded', panel.invert); }),
        select('Panel ' + number + ' timing', timings(panel.timing), panel.timing, (v) => { panel.timing = v; }),
        element('span', { class: 'small ms-2', text: panel.occurrenceOperator === 'GE' ? 'at least'
          : 'occurrences ' + COMPARISONS.find(([op]) => op === panel.occurrenceOperator)[1] }),
        input({ type: 'number', min: '1', step: '1', 'aria-label': 'Panel ' + number + ' occurrences (at least)',
          class: 'form-control form-control-sm constraint-number' }, String(panel.occurrences),
          (v) => { panel.occurrences = v; }),
        element('span', { class: 'small', text: 'times' }),
        element('span', { class: 'flex-grow-1' }), remove));
      body.append(element('div', { class: 'd-flex flex-wrap align-items-center gap-2 mb-2 small' },
        element('span', { text: 'Dates from' }),
        input({ type: 'date', 'aria-label': 'Panel ' + number + ' date from', class:
          'form-control form-control-sm w-auto' }, panel.from, (v) => { panel.from = v; }),
        element('span', { text: 'to' }),
        input({ type: 'date', 'aria-label': 'Panel ' + number + ' date to', class:
          'form-control form-control-sm w-auto' }, panel.to, (v) => { panel.to = v; })));
      const items = element('ul', { class: 'list-unstyled d-flex flex-column gap-2 mb-0 panel-items',
        'aria-label': 'Concepts of panel ' + number });
      panel.items.forEach((item, i) => items.append(itemRow(panel, number, item, i)));
      if (!panel.items.length) {
        items.append(element('li', { class: 'text-body-secondary small panel-empty',
          text: 'Drag concepts here, or use a concept\'s + button.' }));
      }
      body.append(items);
      card.append(body);
      if (panel.invert) card.classList.add('panel-excluded');
      card.addEventListener('dragover', (e) => {
        if (!e.dataTransfer.types.includes(options.dropType)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        card.classList.add('panel-drop');
      });
      card.addEventListener('dragleave', () => card.classList.remove('panel-drop'));
      card.addEventListener('drop', (e) => {
        const data = e.dataTransfer.getData(options.dropType);
        card.classList.remove('panel-drop');
        if (!data) return;
        e.preventDefault();
        add(JSON.parse(data), number);
      });
      return card;
    }

    function render() {
      options.container.replaceChildren(...panels.map(panelCard));
    }

    function add(concept, number) {
      const panel = panels[Math.min(Math.max(number, 1), panels.length) - 1];
      panel.items.push({ key: '\\\\i2b2' + concept.path, name: concept.name, code: concept.code,
        valueOperator: '', value: '', ageOperator: '', ageYears: '', kept: {} });
      render();
    }

    function addPanel() {
      panels.push(emptyPanel());
      render();
      options.changed();
    }

    function dateBound(date, endOfDay) {
      return date ? { value: date + (endOfDay ? 'T23:59:59' : 'T00:00'), onEndDate: false, inclusive: true } : undefined;
    }

    function itemJson(item) {
      const json = Object.assign({}, item.kept, { key: item.key, name: item.name });
      const values = (item.kept.values || []).slice();
      if (item.valueOperator && item.value !== '') {
        values.push({ type: 'NUMBER', operator: item.valueOperator, value: String(item.value) });
      }
      const ages = (item.kept.ageAtEvent || []).slice();
      if (item.ageOperator && item.ageYears !== '') ages.push({ operator: item.ageOperator, years: String(item.ageYears) });
      json.values = values;
      json.ageAtEvent = ages;
      return json;
    }

    /** The cohort JSON of what the panels show; panels without concepts are left out. */
    function definition(name, timing) {
      const used = panels.filter((p) => p.items.length);
      return Object.assign({}, kept, {
        name, timing,
        panels: used.map((p, i) => ({
          number: i + 1, timing: p.timing, invert: p.invert,
          occurrences: { operator: p.occurrenceOperator, count: Number(p.occurrences) || 1 },
          dates: { from: dateBound(p.from, false), to: dateBound(p.to, true) },
          items: p.items.map(itemJson),
        })),
      });
    }

    // One editable constraint of a list goes to the fields when it is the list's only one; otherwise all stay kept.
    function loadItem(json) {
      const item = { key: json.key, name: json.name || json.key, code: null, valueOperator: '', value: '',
        ageOperator: '', ageYears: '', kept: Object.assign({}, json) };
      delete item.kept.key;
      delete item.kept.name;
      const values = json.values || [];
      if (values.length === 1 && values[0].type === 'NUMBER' && COMPARISONS.some(([op]) => op === values[0].operator)) {
        item.code = 'number';
        item.valueOperator = values[0].operator;
        item.value = values[0].value;
        item.kept.values = [];
      }
      const ages = json.ageAtEvent || [];
      if (ages.length === 1) {
        item.ageOperator = ages[0].operator;
        item.ageYears = String(ages[0].years);
        item.kept.ageAtEvent = [];
      }
      const others = (item.kept.values || []).length + (item.kept.ageAtEvent || []).length + (json.modifier ? 1 : 0);
      if (others) item.keptNote = 'and ' + others + ' more constraint' + (others > 1 ? 's' : '') + ' of the saved query';
      return item;
    }

    function loadDefinition(json) {
      kept = { subqueries: json.subqueries || [], temporalConstraints: json.temporalConstraints || [] };
      panels = (json.panels || []).map((p) => {
        const dates = p.dates || {};
        return {
          invert: !!p.invert, timing: p.timing || 'ANY',
          occurrenceOperator: p.occurrences && p.occurrences.operator || 'GE',
          occurrences: p.occurrences && p.occurrences.count || 1,
          from: dates.from && dates.from.value ? dates.from.value.slice(0, 10) : '',
          to: dates.to && dates.to.value ? dates.to.value.slice(0, 10) : '',
          items: (p.items || []).map(loadItem),
        };
      });
      if (!panels.length) panels.push(emptyPanel());
      render();
      options.changed();
    }

    function clear() {
      kept = {};
      panels = [emptyPanel()];
      render();
      options.changed();
    }

    render();
    return { add, addPanel, definition, loadDefinition, clear, count: () => panels.length };
  }

  window.COHORT_PANELS = { create };
}());
