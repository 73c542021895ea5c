// CgtAtlas pages: citation links highlight their paragraph; uploads send one file at a time with progress.
(function () {
  'use strict';

  function highlight(n, scroll) {
    var target = document.getElementById('p' + n);
    if (!target) { return false; }
    document.querySelectorAll('.para.hl').forEach(function (p) { p.classList.remove('hl'); });
    target.classList.add('hl');
    if (scroll) { target.scrollIntoView({ behavior: 'smooth', block: 'center' }); }
    return true;
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.cite[data-p], a.pnum');
    if (!link) { return; }
    var n = link.getAttribute('data-p') || (link.getAttribute('href') || '').replace('#p', '');
    if (highlight(n, true)) {
      event.preventDefault();
      history.replaceState(null, '', '#p' + n);
    }
  });

  window.addEventListener('DOMContentLoaded', function () {
    var match = /^#p(\d+)$/.exec(location.hash);
    if (match) { highlight(match[1], true); }
  });

  window.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('upload-form');
    if (!form || !window.XMLHttpRequest || !window.FormData) { return; }
    var list = document.getElementById('upload-results');
    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type=file]');
      if (!input.files || input.files.length === 0) { return; }
      event.preventDefault();
      var files = Array.prototype.slice.call(input.files);
      var token = form.querySelector('input[name=__RequestVerificationToken]').value;
      var collection = form.querySelector('input[name=collection]').value;
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      var rows = files.map(function (file) {
        var li = document.createElement('li');
        var name = document.createElement('strong');
        name.textContent = file.name;
        var bar = document.createElement('progress');
        bar.max = 100; bar.value = 0;
        var status = document.createElement('span');
        li.appendChild(name); li.appendChild(bar); li.appendChild(document.createTextNode(' ')); li.appendChild(status);
        list.appendChild(li);
        return { li: li, bar: bar, status: status };
      });

      function send(i) {
        if (i >= files.length) { button.disabled = false; form.reset(); return; }
        var row = rows[i];
        var data = new FormData();
        data.append('files', files[i]);
        data.append('collection', collection);
        data.append('__RequestVerificationToken', token);
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.getAttribute('action') || location.pathname);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.upload.onprogress = function (e) { if (e.lengthComputable) { row.bar.value = Math.round(e.loaded * 100 / e.total); } };
        xhr.onload = function () {
          row.bar.value = 100;
          var result = null;
          try { result = JSON.parse(xhr.responseText)[0]; } catch (e) { result = null; }
          if (xhr.status !== 200 || !result) {
            row.li.className = 'result-failed';
            row.status.textContent = form.dataset.failed + ' (HTTP ' + xhr.status + ')';
          } else {
            row.li.className = 'result-' + result.outcome;
            if (result.outcome === 'failed') {
              row.status.textContent = form.dataset.failed + ': ' + result.error;
            } else {
              var a = document.createElement('a');
              a.href = '/documents/' + result.documentIds[0];
              a.textContent = form.dataset[result.outcome].replace('{0}', result.documentIds[0]);
              row.status.appendChild(a);
              if (result.title) { row.status.appendChild(document.createTextNode(' ' + result.title)); }
            }
          }
          send(i + 1);
        };
        xhr.onerror = function () { row.li.className = 'result-failed'; row.status.textContent = form.dataset.failed; send(i + 1); };
        xhr.send(data);
      }
      send(0);
    });
  });
})();
