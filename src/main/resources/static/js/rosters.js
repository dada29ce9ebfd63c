// Refuse an oversized file before sending it, so the clerk does not wait for an upload that will be refused.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (ev) {
    var input = document.getElementById('file');
    var max = parseInt(form.dataset.maxBytes, 10);
    if (input.files.length && input.files[0].size > max) {
      ev.preventDefault();
      document.getElementById('size-error').hidden = false;
    }
  });
});
