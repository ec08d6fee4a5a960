// Hub filters apply as they change (progressive enhancement: without this file the form's
// Apply button does the same). The URL carries the state, so a reload or a shared link shows
// the same results. Focus returns to the control that was changed after the page reloads.
(function () {
  "use strict";
  var KEY = "lte-filter-focus";
  var form = document.querySelector("form[data-auto-submit]");
  var wide = window.matchMedia("(min-width: 48.01rem)");
  document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
    if (wide.matches) { details.open = true; }
  });
  if (!form) { return; }
  try {
    var id = window.sessionStorage.getItem(KEY);
    if (id) {
      window.sessionStorage.removeItem(KEY);
      var el = document.getElementById(id);
      if (el) { el.closest("details").open = true; el.focus(); }
    }
  } catch (e) { /* storage refused: focus simply starts at the top */ }
  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.type === "search" || target.type === "text") { return; }  // Enter submits those
    try { window.sessionStorage.setItem(KEY, target.id); } catch (e) { /* ignore */ }
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  });
}());
