// Moves the import page's progress bar by asking the server where the import stands, and shows the result
// (the same page, rendered again) once the import has finished or failed.
(function () {
  var box = document.querySelector(".import-progress");
  if (!box) return;
  var bar = box.querySelector("progress");
  var text = box.querySelector(".progress-text");
  var running = ["Waiting", "Checking", "Importing"];
  function poll() {
    fetch(box.dataset.status, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (!status || running.indexOf(status.state) < 0) { location.reload(); return; }
        if (status.total) { bar.max = status.total; bar.value = status.done; } else { bar.removeAttribute("value"); }
        text.textContent = status.text;
        setTimeout(poll, 600);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 300);
})();
