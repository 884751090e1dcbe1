/* Kithbook: sorting and filtering for the People table, and the draft's copy button. Offline,
   no dependencies. */
(function () {
  "use strict";

  function cellText(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent.trim() : "";
  }

  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellText(a, column), y = cellText(b, column);
      if (!x || !y) { return x ? -1 : y ? 1 : 0; }  // empty cells last, either way
      var order = x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function makeFilter(table, holder) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "kb-filter";
    input.placeholder = "Filter people: name, company, #tag, circle…";
    input.setAttribute("aria-label", "Filter people");
    var count = document.createElement("span");
    count.className = "kb-count";
    var rows = table.tBodies[0].rows;
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var haystack = row.textContent.toLowerCase();
        var match = words.every(function (word) { return haystack.indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length;
    }
    input.addEventListener("input", apply);
    holder.parentNode.insertBefore(input, holder);
    holder.parentNode.insertBefore(count, holder);
    apply();
  }

  function copyButtons() {  // the "Write to ..." box: copy the draft, without leaving the page
    var buttons = document.querySelectorAll("[data-kb-copy]");
    Array.prototype.forEach.call(buttons, function (button) {
      if (button.dataset.kbReady) { return; }
      button.dataset.kbReady = "1";
      button.addEventListener("click", function (event) {
        event.preventDefault();
        var source = document.getElementById(button.getAttribute("data-kb-copy"));
        if (!source) { return; }
        function said(words) {
          button.textContent = words;
          setTimeout(function () { button.textContent = "Copy"; }, 2000);
        }
        function fallback() {
          var range = document.createRange();
          range.selectNodeContents(source);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          var copied = false;
          try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
          said(copied ? "Copied" : "Selected: press Ctrl+C");
        }
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(source.textContent).then(function () { said("Copied"); }, fallback);
        } else {
          fallback();
        }
      });
    });
  }

  function setUp() {
    copyButtons();
    var tables = document.querySelectorAll(".kb-people table");
    Array.prototype.forEach.call(tables, function (table) {
      if (table.dataset.kbReady || !table.tHead || !table.tBodies.length) { return; }
      table.dataset.kbReady = "1";
      table.setAttribute("data-sortable", "");  // a class would lose Material's table style
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
        header.tabIndex = 0;
        header.setAttribute("role", "button");
        header.addEventListener("click", function () { sortBy(table, column, header); });
        header.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, column, header); }
        });
      });
      makeFilter(table, table.closest(".kb-people"));
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
