/* Header search autocomplete (titles and tags), an ARIA 1.2 combobox.
 *
 * Enhances `form.header-search input[type=search]` (#header-q): adds role="combobox", a listbox
 * after the input and a polite live region. Keys: Down/Up move through suggestions, Enter opens
 * the highlighted one (or submits the search when none is), Escape closes the list (a second
 * Escape clears the box), Tab leaves. Suggestions come from `data-autocomplete-url` on the input
 * or, by default, the form's action with `?ac=1&q=` (JSON {results: [{label, url, kind}]}),
 * which applies the same visibility rules as the search page. Without JavaScript the box is a
 * plain search form.
 */
(function () {
  "use strict";

  function init(input) {
    var form = input.form;
    if (!form || input.dataset.autocompleteReady) return;
    input.dataset.autocompleteReady = "1";
    var base = input.dataset.autocompleteUrl || (form.getAttribute("action") || "/search/");
    var listId = (input.id || "search") + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    var live = document.createElement("div");
    live.className = "visually-hidden";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", live);
    if (getComputedStyle(form).position === "static") form.style.position = "relative";

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = null;
    var seq = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (el, i) {
        el.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    // The last row always offers the full results page, so a reader who typed a whole query is
    // one key away from every match, not only the titles the list had room for.
    function withSeeAll(results, q) {
      var target = (form.getAttribute("action") || "/search/");
      var all = {
        label: "See all results for \u201c" + q + "\u201d",
        url: target + (target.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(q),
        kind: "",
        seeAll: true,
      };
      return results.concat([all]);
    }

    function render(results) {
      items = results;
      list.textContent = "";
      results.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "autocomplete-option" + (item.seeAll ? " autocomplete-see-all" : "");
        var label = document.createElement("span");
        label.textContent = item.label; // text only: never HTML from the server
        var kind = document.createElement("span");
        kind.className = "autocomplete-kind";
        kind.textContent = item.kind;
        li.appendChild(label);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(kind);
        li.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the input
          go(i);
        });
        list.appendChild(li);
      });
      var open = results.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      active = -1;
      input.removeAttribute("aria-activedescendant");
      var found = results.filter(function (item) { return !item.seeAll; }).length;
      live.textContent = open
        ? found + " suggestion" + (found === 1 ? "" : "s") + " available; use the arrow keys"
        : "";
    }

    function go(index) {
      var item = items[index];
      if (item && item.url) window.location.assign(item.url);
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) {
        render([]);
        return;
      }
      var mine = ++seq;
      var url = base + (base.indexOf("?") === -1 ? "?" : "&") + "ac=1&q=" + encodeURIComponent(q);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (mine === seq) render(withSeeAll(data.results || [], q)); })
        .catch(function () { if (mine === seq) render(withSeeAll([], q)); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && items.length > 0;
      switch (event.key) {
        case "ArrowDown":
          if (!open) { fetchSuggestions(); return; }
          event.preventDefault();
          setActive(active + 1 >= items.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          if (!open) return;
          event.preventDefault();
          setActive(active - 1 < 0 ? items.length - 1 : active - 1);
          break;
        case "Enter":
          if (open && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (open) {
            event.preventDefault();
            close();
          } else if (input.value) {
            input.value = "";
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  // Its styles live in site.css: the Content-Security-Policy allows no inline <style>.
  function start() {
    document.querySelectorAll("form.header-search input[type=search], input[data-autocomplete]")
      .forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
