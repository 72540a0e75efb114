// The concept tree of the cohort builder: children loaded on expand, patient counts, search, and the ways a node
// reaches a panel (drag onto a panel, or its "+" button for the panel chosen in the panel selector).
(function () {
  'use strict';
  const { call, element } = LAUNCHER;

  /** The drag data type a concept travels under (a panel accepts only this). */
  const DRAG_TYPE = 'application/x-smartcc-concept';

  function concept(node) {
    return { name: node.name, path: node.path, code: node.code };
  }

  /**
   * options: tree (the <ul>), form and input (the search), results (where matches go), target() (the panel number
   * the "+" buttons add to), add(concept, panelNumber), failed(error).
   */
  function create(options) {
    const addButtons = new Set();

    function addLabel(node) {
      return 'Add ' + node.name + ' to panel ' + options.target();
    }

    function nodeRow(node) {
      const row = element('div', { class: 'concept-row d-flex align-items-center gap-1', draggable: 'true' });
      row.addEventListener('dragstart', (e) => {
        e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(concept(node)));
        e.dataTransfer.effectAllowed = 'copy';
      });
      const add = element('button', { type: 'button', class: 'btn btn-outline-primary btn-xs concept-add',
        'aria-label': addLabel(node), title: 'Add to the chosen panel', text: '+' });
      add.conceptNode = node;
      addButtons.add(add);
      add.addEventListener('click', () => options.add(concept(node), options.target()));
      row.append(element('span', { class: 'concept-name flex-grow-1', text: node.name, title: node.path }),
        element('span', { class: 'badge text-bg-light border concept-count', title: 'patients',
          text: node.patients ? node.patients.display : '' }),
        add);
      return row;
    }

    function treeItem(node) {
      const item = element('li', { role: 'treeitem', 'data-path': node.path });
      const row = nodeRow(node);
      item.append(row);
      if (!node.has_children) {
        row.prepend(element('span', { class: 'concept-toggle-space', 'aria-hidden': 'true' }));
        return item;
      }
      item.setAttribute('aria-expanded', 'false');
      const children = element('ul', { role: 'group', class: 'list-unstyled concept-children', hidden: true });
      const toggle = element('button', { type: 'button', class: 'btn btn-link btn-sm p-0 concept-toggle',
        'aria-label': 'Expand ' + node.name, text: '▸' });
      let loaded = false;
      toggle.addEventListener('click', async () => {
        const open = item.getAttribute('aria-expanded') === 'true';
        if (!open && !loaded) {
          toggle.disabled = true;
          try {
            children.replaceChildren(...(await call('cohort/concepts?parent=' + encodeURIComponent(node.path)))
              .map(treeItem));
            loaded = true;
          } catch (e) {
            options.failed(e);
            return;
          } finally {
            toggle.disabled = false;
          }
        }
        item.setAttribute('aria-expanded', String(!open));
        children.hidden = open;
        toggle.textContent = open ? '▸' : '▾';
        toggle.setAttribute('aria-label', (open ? 'Expand ' : 'Collapse ') + node.name);
      });
      row.prepend(toggle);
      item.append(children);
      return item;
    }

    async function load() {
      options.tree.replaceChildren(...(await call('cohort/concepts')).map(treeItem));
    }

    options.form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const q = options.input.value.trim();
      if (!q) return;
      options.results.replaceChildren(element('p', { class: 'text-body-secondary small', text: 'Searching…' }));
      try {
        const found = await call('cohort/concepts/search?limit=50&q=' + encodeURIComponent(q));
        if (!found.length) {
          options.results.replaceChildren(element('p', { class: 'small', text: 'No concept matches "' + q + '".' }));
          return;
        }
        const list = element('ul', { class: 'list-unstyled concept-matches mb-0', 'aria-label': 'Matching concepts' });
        found.forEach((node) => list.append(element('li', { 'data-path': node.path }, nodeRow(node),
          element('div', { class: 'small text-body-secondary concept-path', text: node.path }))));
        options.results.replaceChildren(list);
      } catch (err) {
        options.results.replaceChildren();
        options.failed(err);
      }
    });

    return {
      load,
      /** The "+" buttons name the panel they add to: called when the chosen panel changes. */
      targetChanged() {
        addButtons.forEach((b) => {
          if (b.isConnected) b.setAttribute('aria-label', addLabel(b.conceptNode)); else addButtons.delete(b);
        });
      },
    };
  }

  window.COHORT_TREE = { create, DRAG_TYPE };
}());
