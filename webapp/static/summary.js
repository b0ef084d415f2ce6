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
})();
