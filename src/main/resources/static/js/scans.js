// Scan upload: files dropped on the drop zone join the file input; the form is sent with XMLHttpRequest so that a
// progress bar shows the upload, and the browser then opens the page the server redirected to. Without this script
// the plain form posts the same files.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  var input = document.getElementById('files');
  var zone = document.getElementById('drop-zone');
  var list = document.getElementById('chosen-files');
  var progress = document.getElementById('upload-progress');
  var status = document.getElementById('upload-status');
  var error = document.getElementById('upload-error');
  var button = document.getElementById('upload');

  function showChosen() {
    list.textContent = '';
    for (var i = 0; i < input.files.length; i++) {
      var item = document.createElement('li');
      item.textContent = input.files[i].name;
      list.appendChild(item);
    }
  }

  function fail(text) {
    error.textContent = text;
    error.hidden = false;
    progress.hidden = true;
    status.textContent = '';
    button.disabled = false;
  }

  input.addEventListener('change', showChosen);
  ['dragenter', 'dragover'].forEach(function (name) {
    zone.addEventListener(name, function (ev) {
      ev.preventDefault();
      zone.classList.add('dragging');
    });
  });
  ['dragleave', 'drop'].forEach(function (name) {
    zone.addEventListener(name, function (ev) {
      ev.preventDefault();
      zone.classList.remove('dragging');
    });
  });
  zone.addEventListener('drop', function (ev) {
    if (ev.dataTransfer && ev.dataTransfer.files.length) {
      input.files = ev.dataTransfer.files;
      showChosen();
    }
  });

  form.addEventListener('submit', function (ev) {
    if (!window.XMLHttpRequest || !window.FormData) {
      return;
    }
    ev.preventDefault();
    error.hidden = true;
    if (!input.files.length) {
      fail('ファイルを選んでください。');
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(e.loaded * 100 / e.total);
        status.textContent = '送信中… ' + progress.value + '%';
      }
    });
    xhr.upload.addEventListener('load', function () {
      progress.value = 100;
      status.textContent = '読み取り中…（ページ数が多いと時間がかかります）';
    });
    xhr.addEventListener('load', function () {
      if (xhr.status >= 200 && xhr.status < 400 && xhr.responseURL) {
        window.location = xhr.responseURL;
        return;
      }
      // The server's page says what went wrong (in Japanese): show its message here.
      var page = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
      var message = page.getElementById('failure') || page.querySelector('main p.error') || page.querySelector('main');
      fail(message && message.textContent.trim() ? message.textContent.trim() : '取り込めませんでした（' + xhr.status + '）。');
    });
    xhr.addEventListener('error', function () {
      fail('送信できませんでした。ネットワークの接続を確かめて、もう一度取り込んでください。');
    });
    button.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = '送信中…';
    xhr.send(new FormData(form));
  });
});
