// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  function enhance(root) {
    root.querySelectorAll("[data-autosubmit]").forEach(function (el) {
      el.addEventListener("change", function () { el.form.requestSubmit(); });
    });
    root.querySelectorAll(".js-hide").forEach(function (el) { el.hidden = true; });
    root.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
      });
    });
  }

  // A table or drawing wider than the screen scrolls inside its .table-wrap (or figure); keyboard users can only
  // scroll it if the region can take focus, and then it needs a name (WCAG 2.1.1, 4.1.2).
  function markScrollableTables() {
    document.querySelectorAll(".table-wrap, figure.balance").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (wrap.dataset.focusable === "when-scrolling") {
        // The template named it and made it focusable (so it works without this file); while it fits, it is
        // no stop in the tab order.
        if (scrolls) { wrap.tabIndex = 0; } else { wrap.removeAttribute("tabindex"); }
        return;
      }
      if (wrap.hasAttribute("tabindex") && wrap.dataset.focusable !== "js") {
        return;  // the template made it focusable already
      }
      if (scrolls) {
        wrap.tabIndex = 0;
        wrap.dataset.focusable = "js";
        if (!wrap.hasAttribute("role") && wrap.tagName !== "FIGURE") {  // a figure has its caption
          var section = wrap.closest("section, details, main");
          var heading = section && section.querySelector("h1, h2, h3, summary");
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-label", heading ? heading.textContent.trim() : document.title);
        }
      } else if (wrap.dataset.focusable === "js") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        delete wrap.dataset.focusable;
      }
    });
  }

  // On a phone the main menu is one row that scrolls sideways: bring the current section's item into view.
  function showCurrentMenuItem() {
    var current = document.querySelector(".site-nav [aria-current]");
    var row = current && current.closest("ul");
    if (!row || row.scrollWidth <= row.clientWidth) { return; }
    var box = row.getBoundingClientRect();
    var item = current.closest("li").getBoundingClientRect();
    if (item.left < box.left || item.right > box.right) {
      row.scrollLeft += item.left - box.left - (box.width - item.width) / 2;
    }
  }

  function showMessages(list) {
    var box = document.getElementById("messages");
    if (!box) { return; }
    list.forEach(function (m) {
      var div = document.createElement("div");
      div.className = "ds-alert";
      div.dataset.color = { error: "danger", warning: "warning", success: "success" }[m.level] || "info";
      div.textContent = m.text;
      box.appendChild(div);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
    markScrollableTables();
    showCurrentMenuItem();
  });
  document.addEventListener("htmx:load", function (event) { enhance(event.detail.elt); markScrollableTables(); });
  document.addEventListener("toggle", markScrollableTables, true);  // <details> opened or closed
  window.addEventListener("resize", markScrollableTables);
  document.addEventListener("samspill:messages", function (event) { showMessages(event.detail.value); });
})();
