// Progressive sections: the page arrives at once with its banner; each section that names a fragment URL is filled
// in as its data arrives. Server-rendered HTML only; no framework. Without JavaScript, each section offers a link.
(function () {
  'use strict';
  function fill(section) {
    var url = section.getAttribute('data-fragment');
    var body = section.querySelector('[data-fragment-body]');
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        return response.text().then(function (html) { return { ok: response.ok, html: html }; });
      })
      .then(function (result) {
        body.innerHTML = result.html;
        section.setAttribute('aria-busy', 'false');
        section.classList.toggle('section-failed', !result.ok);
      })
      .catch(function () {
        body.innerHTML = '<p class="notice" role="alert">This section could not be loaded (network error). ' +
          'Nothing is shown for it, which does not mean there is nothing to show. Reload the page to try again.</p>';
        section.setAttribute('aria-busy', 'false');
        section.classList.add('section-failed');
      });
  }
  document.querySelectorAll('section[data-fragment]').forEach(fill);

  // Decisions and draft orders: post the form, put the server's answer (a fragment) in place of the form, and move
  // focus to its message. Without JavaScript the same forms post to a page of their own.
  function post(form, container) {
    var button = form.querySelector('button[type=submit]');
    if (button) { button.disabled = true; }
    fetch(form.action, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'X-ChartLens-Fragment': '1', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString()
    }).then(function (response) { return response.text(); })
      .then(function (html) {
        container.innerHTML = html;
        var message = container.querySelector('[tabindex="-1"]');
        if (message) { message.focus(); }
      })
      .catch(function () {
        if (button) { button.disabled = false; }
        var note = form.querySelector('.network-error');
        if (!note) {
          note = document.createElement('p');
          note.className = 'notice network-error';
          note.setAttribute('role', 'alert');
          form.insertBefore(note, form.firstChild);
        }
        note.textContent = 'Not sent (network error), so nothing was saved. Your choices are kept; try again.';
      });
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var container = form.closest('.decision-body, .draft-body, .decision-result, .draft-result');
    if (!container || !(form.classList.contains('decision-form') || form.classList.contains('draft-form'))) {
      return;
    }
    event.preventDefault();
    post(form, form.closest('.decision-body, .draft-body') || container);
  });
})();
