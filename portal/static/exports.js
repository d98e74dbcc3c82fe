/* The export page's States, found by typing part of a name or an ISO code: States that do not match
   are hidden and the groups holding a match open. Without this file the groups open one by one and
   the browser's own search finds a name. */
(function () {
  "use strict";

  var box = document.querySelector("[data-state-search]");
  if (!box) {
    return;
  }
  var input = box.querySelector("input");
  var count = document.getElementById("state-search-count");
  var groups = document.querySelectorAll(".state-group");

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function filter() {
    var wanted = fold(input.value);
    var shown = 0;
    groups.forEach(function (group) {
      var inGroup = 0;
      group.querySelectorAll("li[data-state-name]").forEach(function (item) {
        var match = !wanted || fold(item.dataset.stateName).indexOf(wanted) !== -1;
        item.hidden = !match;
        inGroup += match ? 1 : 0;
      });
      group.hidden = inGroup === 0;
      if (wanted && inGroup) {
        group.open = true;
      }
      shown += inGroup;
    });
    var said = shown === 0 ? count.dataset.none : (shown === 1 ? count.dataset.one : count.dataset.many);
    count.textContent = wanted ? said.replace("{num}", shown) : "";
  }

  box.hidden = false;
  input.addEventListener("input", filter);
  // Enter in the search box would send the download form: it only filters.
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
    }
  });
})();
