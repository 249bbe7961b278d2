// Headway's own behaviour, loaded as a static file (the CSP forbids inline script).
"use strict";
document.addEventListener("focusin", (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement && target.hasAttribute("data-select-on-focus")) {
    target.select();
  }
});
