// Readability panel of the page editor (home/panels.py): re-checks the German text of the
// form while the editor writes. Without JavaScript the panel shows the last saved draft.
(function () {
  "use strict";
  // Blocks whose text is names, addresses, links or settings (home/readability.py, SKIPPED_BLOCKS).
  var SKIPPED = ["contact", "links", "downloads", "offers"];
  var META = /-(type|id|order|deleted|count)$/;

  function unitsOf(value) {
    var text = (value || "").trim();
    if (text.charAt(0) === "{") {
      try {
        var state = JSON.parse(text); // a rich-text field: Draftail's content state
        if (state && state.blocks) {
          return state.blocks.map(function (block) { return block.text; });
        }
      } catch (e) { /* plain text that starts with a brace */ }
    }
    return [text];
  }

  function collect(form) {
    var types = {};
    var deleted = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      var m = /^(body-\d+)-(type|deleted)$/.exec(el.name || "");
      if (m && m[2] === "type") { types[m[1]] = el.value; }
      if (m && m[2] === "deleted" && el.value) { deleted[m[1]] = true; }
    });
    var page = [];
    var summary = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      var name = el.name || "";
      if (!name || META.test(name)) { return; }
      if (["checkbox", "radio", "url", "email", "number", "file", "submit", "button"].indexOf(el.type) !== -1) { return; }
      if (el.tagName === "SELECT") { return; }
      if (name === "easy_read") { summary.push(el.value); return; }
      if (name === "title" || name === "intro") { page.push.apply(page, unitsOf(el.value)); return; }
      var block = /^(body-\d+)-/.exec(name);
      if (!block || deleted[block[1]] || SKIPPED.indexOf(types[block[1]]) !== -1) { return; }
      page.push.apply(page, unitsOf(el.value));
    });
    return { text: page.filter(Boolean).join("\n\n"), summary: summary.join("\n\n") };
  }

  function setUp(panel) {
    var form = panel.closest("form");
    var button = panel.querySelector("[data-easy-read-refresh]");
    var status = panel.querySelector("[data-easy-read-status]");
    var result = panel.querySelector("[data-easy-read-result]");
    var saved = panel.querySelector("[data-easy-read-saved]");
    var token = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    if (!form || !token || !panel.dataset.paramName || !window.fetch) { return; }
    button.hidden = false;
    var timer = null;

    function refresh() {
      var texts = collect(form);
      var body = new FormData();
      body.append(panel.dataset.paramName, panel.dataset.paramValue);
      body.append("text", texts.text);
      body.append("summary", texts.summary);
      status.textContent = "…";
      fetch(panel.dataset.endpoint, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token.value },
      }).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      }).then(function (html) {
        result.innerHTML = html;
        if (saved) { saved.hidden = true; }
        status.textContent = button.dataset.doneLabel;
      }).catch(function () {
        status.textContent = button.dataset.errorLabel;
      });
    }

    button.addEventListener("click", refresh);
    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 1500);
    });
  }

  function init() {
    document.querySelectorAll("[data-easy-read-panel]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
