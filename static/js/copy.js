// "Copy" buttons for read-only fields (calendar addresses): <button data-copy="#field-id" hidden>.
// Without JavaScript the buttons stay hidden and the address can still be selected and copied.
(function () {
  "use strict";

  function announce(button, text) {
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    if (status) status.textContent = text;
  }

  function start() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var field = document.querySelector(button.getAttribute("data-copy"));
      if (!field) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        field.select();
        var done = function () { announce(button, "Copied to the clipboard."); };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(field.value).then(done, function () {
            announce(button, "Press Ctrl+C (or Cmd+C) to copy the selected address.");
          });
        } else {
          announce(button, "Press Ctrl+C (or Cmd+C) to copy the selected address.");
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
