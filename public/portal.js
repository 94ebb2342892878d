/* global document, window, HTMLFormElement */
// Progressive enhancement of the citizen portal (ADR 0016). Every page works without this script: it only
// moves the focus to the error summary and keeps a form from being sent twice.
(function () {
  'use strict';

  // GOV.UK pattern: after a failed submission the summary gets the focus, so a screen reader reads it out.
  function focusErrorSummary() {
    var summary = document.querySelector('.error-summary');
    if (summary) summary.focus();
  }

  // A second click while the first submission is on its way would post the form again. The pressed
  // button is not disabled: its name and value (for example «Изменить») must still go with the form.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.getAttribute('data-submitting') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitting', 'true');
    form.setAttribute('aria-busy', 'true');
    var button = event.submitter;
    if (button) button.setAttribute('aria-disabled', 'true');
  });

  // A page restored from the back-forward cache must accept the form again.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    var busy = document.querySelectorAll('form[data-submitting]');
    for (var i = 0; i < busy.length; i++) {
      busy[i].removeAttribute('data-submitting');
      busy[i].removeAttribute('aria-busy');
      var pressed = busy[i].querySelectorAll('[aria-disabled="true"]');
      for (var j = 0; j < pressed.length; j++) pressed[j].removeAttribute('aria-disabled');
    }
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', focusErrorSummary);
  else focusErrorSummary();
})();
