/*
 * The example app: the record's patient, medications and problems, read with the SMART Connect client
 * (docs/js-client.md). Each part reports its own failure, so one refused call does not hide the others.
 */
(function () {
  'use strict';

  const byId = id => document.getElementById(id);

  function describe(error) {
    if (error && error.message && typeof error.message === 'object') {
      let detail = error.message.data || '';
      if (error.message.contentType === 'application/json') {
        try {
          detail = JSON.parse(detail).message || detail; // the API server's {"code", "message"}
        } catch (e) {
          // not JSON after all: show it as it is
        }
      }
      return 'HTTP ' + error.status + (detail ? ': ' + detail : '');
    }
    return (error && (error.message || error.status)) || String(error);
  }

  function first(value) {
    return Array.isArray(value) ? value[0] : value;
  }

  /** A coded value's title (sp:CodedValue dcterms:title, else its code's title). */
  function codedTitle(coded) {
    coded = first(coded);
    if (!coded) {
      return '(unnamed)';
    }
    const code = first(coded.code);
    return first(coded.dcterms__title) || (code && first(code.dcterms__title)) || '(unnamed)';
  }

  function showError(element, what, error) {
    element.setAttribute('data-state', 'error');
    const message = document.createElement(element.tagName === 'UL' ? 'li' : 'p');
    message.className = 'error';
    message.textContent = what + ' could not be read: ' + describe(error);
    if (element.tagName === 'TABLE') {
      const row = element.tBodies[0].insertRow();
      const cell = row.insertCell();
      cell.colSpan = 2;
      cell.appendChild(message);
    } else {
      element.appendChild(message);
    }
  }

  function showPatient(response) {
    const demographics = (response.objects.of_type.Demographics || [])[0];
    const name = demographics && first(demographics.v__n);
    const text = name
      ? [first(name.v__given_name), first(name.v__family_name)].filter(Boolean).join(' ')
      : (SMART.record && SMART.record.full_name) || 'Unknown patient';
    byId('patient-name').textContent = text;
  }

  function showMedications(response) {
    const table = byId('medications');
    const body = table.tBodies[0];
    const medications = (response.objects.of_type.Medication || []).slice()
      .sort((a, b) => String(first(b.startDate) || '').localeCompare(String(first(a.startDate) || '')));
    medications.forEach(medication => {
      const row = body.insertRow();
      row.className = 'medication';
      row.insertCell().textContent = codedTitle(medication.drugName);
      row.insertCell().textContent = first(medication.startDate) || '';
    });
    if (medications.length === 0) {
      const cell = body.insertRow().insertCell();
      cell.colSpan = 2;
      cell.className = 'empty';
      cell.textContent = 'No medications recorded.';
    }
    table.setAttribute('data-state', medications.length === 0 ? 'empty' : 'loaded');
  }

  function showProblems(response) {
    const list = byId('problems');
    const problems = (response.objects.of_type.Problem || []).slice()
      .sort((a, b) => String(first(b.startDate) || '').localeCompare(String(first(a.startDate) || '')));
    problems.forEach(problem => {
      const item = document.createElement('li');
      item.className = 'problem';
      const onset = first(problem.startDate);
      item.textContent = codedTitle(problem.problemName) + (onset ? ' (onset ' + onset + ')' : '');
      list.appendChild(item);
    });
    if (problems.length === 0) {
      const item = document.createElement('li');
      item.className = 'empty';
      item.textContent = 'No problems recorded.';
      list.appendChild(item);
    }
    list.setAttribute('data-state', problems.length === 0 ? 'empty' : 'loaded');
  }

  SMART.ready(function () {
    byId('status').textContent = '';
    // .catch after .then: a failure while showing an answer is reported like a refused call.
    SMART.get_demographics().then(showPatient).catch(error => {
      byId('patient-name').textContent = (SMART.record && SMART.record.full_name) || 'Unknown patient';
      byId('status').className = 'status error';
      byId('status').textContent = 'The demographics could not be read: ' + describe(error);
    });
    SMART.get_medications().then(showMedications).catch(error => showError(byId('medications'), 'The medications', error));
    SMART.get_problems().then(showProblems).catch(error => showError(byId('problems'), 'The problems', error));
  }).fail(function (error) {
    byId('patient-name').textContent = 'Not connected';
    byId('status').className = 'status error';
    byId('status').textContent = 'This app runs inside the SMART container: ' + describe(error);
  });
})();
