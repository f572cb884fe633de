// The editor's minimap (Wagtail's side list of a page's fields) scrolls when a lesson
// is long, a quiz written in it for instance. A scrolling region must be reachable from
// the keyboard (WCAG 2.1.1), so the list gets a tab stop and a name once it appears.
(() => {
  "use strict";

  const label = document.currentScript?.dataset.label || "";

  const reachable = () => {
    for (const list of document.querySelectorAll(".w-minimap__list:not([tabindex])")) {
      list.setAttribute("tabindex", "0");
      if (label && !list.hasAttribute("aria-label")) list.setAttribute("aria-label", label);
    }
  };

  reachable();
  new MutationObserver(reachable).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
