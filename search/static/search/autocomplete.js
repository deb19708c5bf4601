/* Progressive enhancement of the search boxes: suggestions from /<lang>/suche/vorschlaege/.
   Without JavaScript the forms work as plain GET forms. Suggestions are titles
   only and are put into a <datalist> with textContent/value (never as HTML). */
(function () {
  "use strict";
  if (!window.fetch || !document.querySelectorAll) { return; }
  var inputs = document.querySelectorAll("input[data-suggest-url]");
  Array.prototype.forEach.call(inputs, function (input) {
    var list = document.createElement("datalist");
    var timer = null;
    var last = "";
    list.id = input.id + "-suggestions";
    input.parentNode.appendChild(list);
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    input.addEventListener("input", function () {
      var value = input.value.trim().slice(0, 100);
      window.clearTimeout(timer);
      if (value.length < 2 || value === last) { return; }
      timer = window.setTimeout(function () {
        last = value;
        var url = input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(value);
        window.fetch(url, { headers: { Accept: "application/json" }, credentials: "omit" })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (data) {
            if (!data || input.value.trim().slice(0, 100) !== value) { return; }
            while (list.firstChild) { list.removeChild(list.firstChild); }
            (data.suggestions || []).forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.title;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 200);
    });
  });
})();
