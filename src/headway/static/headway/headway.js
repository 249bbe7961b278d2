// Headway's own behaviour, loaded as a static file (the CSP forbids inline script).
"use strict";
document.addEventListener("focusin", (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement && target.hasAttribute("data-select-on-focus")) {
    target.select();
  }
});
// A form that failed shows a summary of its errors at the top: bring it into view and focus
// it, so the reader (and a screen reader) starts at what to fix.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (summary instanceof HTMLElement) {
    summary.scrollIntoView({ block: "start" });
    summary.focus({ preventScroll: true });
  }
});
