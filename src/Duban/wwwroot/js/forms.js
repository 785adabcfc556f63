// Asks before sending a form that carries a question in data-confirm, and disables the submit button of a
// data-once form so a second click cannot post again. A script file rather than onsubmit attributes: the
// Content-Security-Policy allows no inline script. Plain ES5, like import-progress.js, for older browsers.
(function () {
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm-named") || form.getAttribute("data-confirm");
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
// Lists under 600 px become cards (app.css); each cell takes its column's name so the card can say what it is.
// A folded filter (details.fold) stays open on a wide screen, and on a phone when a filter is in use.
(function () {
  var tables = document.querySelectorAll("table.grid");
  for (var t = 0; t < tables.length; t++) {
    var heads = tables[t].tHead ? tables[t].tHead.rows[0].cells : [];
    var rows = tables[t].tBodies.length ? tables[t].tBodies[0].rows : [];
    for (var r = 0; r < rows.length; r++) {
      for (var c = 0; c < rows[r].cells.length && c < heads.length; c++) {
        var cell = rows[r].cells[c];
        var label = heads[c].textContent.trim();
        if (label && !cell.hasAttribute("data-label") && cell.colSpan === 1 && !/code|problem|state-cell|light-cell/.test(cell.className)) {
          cell.setAttribute("data-label", label);
        }
      }
    }
  }
  var folds = document.querySelectorAll("details.fold");
  for (var f = 0; f < folds.length; f++) {
    if (window.matchMedia("(min-width: 601px)").matches) { folds[f].open = true; }
  }
})();
// A person picker (select[data-people-of]) offers the people of the unit chosen in its form's unit field, and a
// leader picker (data-line) also those of the units above it; options and units carry their unit's path (/1/4/9/).
// The confirmation names the chosen unit where it says {unitId}. The server checks the same rule.
(function () {
  function filterPeople(form) {
    var unit = form.querySelector("select[data-unit-field]");
    // Without a unit to choose (an item's own edit page) the server already offered the right people.
    if (!unit) { return; }
    var chosen = unit.selectedIndex >= 0 ? unit.options[unit.selectedIndex].getAttribute("data-path") : null;
    var pickers = form.querySelectorAll("select[data-people-of]");
    for (var p = 0; p < pickers.length; p++) {
      var line = pickers[p].hasAttribute("data-line");
      var options = pickers[p].options;
      for (var o = 0; o < options.length; o++) {
        var path = options[o].getAttribute("data-path");
        var show = !path || (!!chosen && (line ? chosen.indexOf(path) === 0 : chosen === path));
        options[o].hidden = !show;
        options[o].disabled = !show;
        if (!show && options[o].selected) { pickers[p].value = ""; }
      }
    }
  }
  var forms = document.querySelectorAll("form");
  for (var i = 0; i < forms.length; i++) {
    if (forms[i].querySelector("select[data-people-of]")) {
      filterPeople(forms[i]);
      forms[i].addEventListener("change", function (event) {
        if (event.target.hasAttribute("data-unit-field")) { filterPeople(event.currentTarget); }
      });
    }
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var unit = form.querySelector("select[data-unit-field]");
    var question = form.getAttribute("data-confirm");
    if (unit && question && question.indexOf("{unitId}") >= 0) {
      var chosen = unit.options[unit.selectedIndex];
      form.setAttribute("data-confirm-named", question.replace("{unitId}", chosen ? chosen.getAttribute("data-name") || chosen.text : ""));
    }
  }, true);
})();
// What a workflow form had typed is kept in the tab when it is sent; if the server refuses it (the form comes back
// marked data-refused) and the text was too long to travel back with the notice, it is put back here. Any other
// page load forgets it.
(function () {
  var prefix = "duban.typed:";
  var store;
  try { store = window.sessionStorage; } catch (e) { return; }
  if (!store) { return; }
  var refused = document.querySelector("form.action[data-refused]");
  if (refused) {
    var saved = store.getItem(prefix + refused.getAttribute("action"));
    if (saved) {
      var values = JSON.parse(saved);
      var fields = refused.querySelectorAll("textarea, input[type=date]");
      for (var f = 0; f < fields.length; f++) {
        if (!fields[f].value && values[fields[f].name]) { fields[f].value = values[fields[f].name]; }
      }
    }
  }
  for (var k = store.length - 1; k >= 0; k--) {
    if (store.key(k).indexOf(prefix) === 0) { store.removeItem(store.key(k)); }
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("action") || event.defaultPrevented) { return; }
    var typed = {};
    var fields = form.querySelectorAll("textarea, input[type=date]");
    for (var f = 0; f < fields.length; f++) { typed[fields[f].name] = fields[f].value; }
    try { store.setItem(prefix + form.getAttribute("action"), JSON.stringify(typed)); } catch (e) { return; }
  });
})();
