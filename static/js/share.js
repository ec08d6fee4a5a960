/* The share page: drag-and-drop, a progress bar per file, and what the hub knows about each file.
 *
 * Enhances `form[data-share-form]`. Each file chosen or dropped is sent at once, on its own, to
 * `data-check-url` (hub:share_check), which keeps it for this session and answers with a token,
 * suggested working groups, key stages and type, the same file already in the hub, and resources
 * with nearly the same text. The token goes into the form as a `keep` field, so the final submit
 * carries only the details; suggested boxes are ticked and marked "suggested". Without JavaScript
 * the file input posts the files with the form and the server suggests the same details.
 */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(url, text) {
    var a = el("a", "", text);
    a.href = url;
    return a;
  }

  function markSuggested(input) {
    if (!input || input.dataset.suggested) return;
    input.dataset.suggested = "1";
    var label = input.closest("label") || input.parentElement;
    if (label) label.appendChild(el("span", "suggested-mark", "suggested"));
  }

  function applySuggestions(form, s) {
    (s.working_groups || []).forEach(function (pk) {
      var box = form.querySelector('input[name="working_groups"][value="' + pk + '"]');
      if (box && !box.checked) { box.checked = true; markSuggested(box); }
    });
    (s.key_stages || []).forEach(function (pk) {
      var box = form.querySelector('input[name="key_stages"][value="' + pk + '"]');
      if (box && !box.checked) { box.checked = true; markSuggested(box); }
    });
    var type = form.querySelector('select[name="resource_type"]');
    if (type && s.resource_type && !type.value) {
      type.value = String(s.resource_type);
      markSuggested(type);
    }
  }

  function init(form) {
    var input = form.querySelector('input[type="file"][name="files"]');
    var zone = form.querySelector("[data-dropzone]");
    var list = form.querySelector("[data-upload-list]");
    var url = form.dataset.checkUrl;
    if (!input || !zone || !list || !url || !window.FormData || !window.XMLHttpRequest) return;
    var csrf = form.querySelector('input[name="csrfmiddlewaretoken"]');
    zone.classList.add("dropzone--enhanced");

    function send(file) {
      var item = el("li");
      var name = el("strong", "", file.name);
      var bar = el("progress");
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute("aria-label", "Uploading " + file.name);
      var note = el("span", "upload-note", " uploading…");
      item.appendChild(name);
      item.appendChild(note);
      item.appendChild(bar);
      list.appendChild(item);

      var data = new FormData();
      data.append("file", file);
      if (csrf) data.append("csrfmiddlewaretoken", csrf.value);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      xhr.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
      });
      xhr.addEventListener("load", function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
        bar.value = 100;
        if (xhr.status !== 200 || !body.token) {
          bar.remove();
          note.textContent = " not uploaded: " + (body.error || "please try again.");
          return;
        }
        bar.remove();
        note.textContent = " uploaded.";
        var keep = el("input");
        keep.type = "hidden";
        keep.name = "keep";
        keep.value = body.token;
        item.appendChild(keep);
        var remove = el("button", "button--link", "Remove");
        remove.type = "button";
        remove.setAttribute("aria-label", "Remove " + file.name);
        remove.addEventListener("click", function () { item.remove(); input.focus(); });
        item.appendChild(remove);
        if (body.duplicate) {
          var dup = el("p", "upload-note");
          dup.appendChild(document.createTextNode("Already in the hub as "));
          dup.appendChild(link(body.duplicate.url, body.duplicate.title));
          dup.appendChild(document.createTextNode(
            body.duplicate.can_add_version
              ? ". Open it, or share to choose “add as a new version”."
              : ". Open it rather than sharing a copy."));
          item.appendChild(dup);
        }
        if (body.similar && body.similar.length) {
          var sim = el("p", "upload-note", "Nearly the same text: ");
          body.similar.forEach(function (r, i) {
            if (i) sim.appendChild(document.createTextNode(", "));
            sim.appendChild(link(r.url, r.title + " (" + r.percent + "%)"));
          });
          item.appendChild(sim);
        }
        applySuggestions(form, body.suggestions || {});
      });
      xhr.addEventListener("error", function () {
        bar.remove();
        note.textContent = " not uploaded: the connection failed; please try again.";
      });
      xhr.send(data);
    }

    function sendAll(files) {
      Array.prototype.forEach.call(files, send);
    }

    input.addEventListener("change", function () {
      sendAll(input.files);
      input.value = "";  // sent already; the form's own submit must not send them again
    });
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add("dropzone--active");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.remove("dropzone--active");
      });
    });
    zone.addEventListener("drop", function (event) {
      if (event.dataTransfer && event.dataTransfer.files) sendAll(event.dataTransfer.files);
    });
  }

  document.querySelectorAll("form[data-share-form]").forEach(init);
})();
