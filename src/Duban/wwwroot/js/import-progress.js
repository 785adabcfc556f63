// Moves the import page's progress bar by asking the server where the import stands, and shows the result
// (the same page, rendered again) once the import has finished or failed. XMLHttpRequest, not fetch: older
// browsers on government intranets run this page too. Anything but the status (an expired session's login
// page, an error) reloads the page, which then shows what is the matter.
(function () {
  var box = document.querySelector(".import-progress");
  if (!box) return;
  var bar = box.querySelector("progress");
  var text = box.querySelector(".progress-text");
  var running = ["Waiting", "Checking", "Importing"];
  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", box.getAttribute("data-status"));
    request.setRequestHeader("Cache-Control", "no-store");
    request.onload = function () {
      var status = null;
      if (request.status === 200 && (request.getResponseHeader("Content-Type") || "").indexOf("application/json") === 0) {
        try { status = JSON.parse(request.responseText); } catch (e) { status = null; }
      }
      if (!status || running.indexOf(status.state) < 0) { location.reload(); return; }
      if (status.total) { bar.max = status.total; bar.value = status.done; } else { bar.removeAttribute("value"); }
      text.textContent = status.text;
      setTimeout(poll, 600);
    };
    request.onerror = function () { setTimeout(poll, 2000); };
    request.send();
  }
  setTimeout(poll, 300);
})();
