// namebridge: progressive enhancement only. Every page works without this file.
/* global document, window, fetch, URLSearchParams */
(function () {
  'use strict';

  // A form that came back with errors: move focus to the summary so it is read out.
  var summary = document.querySelector('.error-summary');
  if (summary && !document.querySelector('[autofocus]')) summary.focus();

  // /imports: stream the file straight to the API (no size limit of the plain form),
  // then follow the job on its page.
  var form = document.getElementById('import-form');
  if (form && window.fetch && window.File) {
    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type=file]');
      var file = input && input.files && input.files[0];
      if (!file) return; // let the server say what is missing
      event.preventDefault();
      var status = document.getElementById('import-status');
      var button = form.querySelector('button[type=submit]');
      var params = new URLSearchParams();
      params.set('filename', file.name.slice(0, 200));
      params.set('dryRun', form.querySelector('#dryRun').checked ? 'true' : 'false');
      var source = form.querySelector('#source').value.trim();
      if (source) params.set('source', source.slice(0, 200));
      status.textContent = form.getAttribute('data-msg-uploading');
      button.disabled = true;
      fetch('/api/imports?' + params.toString(), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'text/csv', 'x-csrf-token': form.querySelector('input[name=_csrf]').value },
        body: file,
      })
        .then(function (res) {
          if (!res.ok) throw new Error(String(res.status));
          return res.json();
        })
        .then(function (body) {
          window.location.assign('/imports/' + encodeURIComponent(body.job.id));
        })
        .catch(function () {
          status.textContent = form.getAttribute('data-msg-failed');
          button.disabled = false;
        });
    });
  }

  // An import job page: poll the job and show its progress; reload when it is done.
  var progress = document.getElementById('job-progress');
  var url = progress && progress.getAttribute('data-poll');
  if (url && window.fetch) {
    var bar = progress.querySelector('progress');
    var rows = document.getElementById('job-rows');
    var template = progress.getAttribute('data-rows-template');
    var poll = function () {
      fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then(function (res) { return res.json(); })
        .then(function (body) {
          var job = body.job;
          var p = job.progress;
          if (p.bytesTotal) bar.value = Math.min(100, Math.round((p.bytesRead / p.bytesTotal) * 100));
          rows.textContent = template.replace('{n}', String(p.rowsRead));
          if (job.status === 'queued' || job.status === 'running') window.setTimeout(poll, 1000);
          else window.location.reload();
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 500);
  }
})();
