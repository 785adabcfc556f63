// Asks before sending a form that carries a question in data-confirm, and disables the submit button of a
// data-once form so a second click cannot post again. A script file rather than onsubmit attributes: the
// Content-Security-Policy allows no inline script. Plain ES5, like import-progress.js, for older browsers.
(function () {
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    if (form.hasAttribute("data-once")) {
      var button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; }
    }
  });
})();
