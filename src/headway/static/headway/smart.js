// "Use suggestion": copy the coach's rewrite into the goal field and select the first gap.
"use strict";
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-smart-use]") : null;
  if (!button) return;
  const field = document.getElementById(button.dataset.smartTarget || "id_statement");
  if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return;
  field.value = button.dataset.smartUse || "";
  field.focus();
  const gap = field.value.indexOf("[");
  if (gap >= 0) {
    const end = field.value.indexOf("]", gap);
    field.setSelectionRange(gap, end >= 0 ? end + 1 : field.value.length);
  }
  field.dispatchEvent(new Event("input", { bubbles: true }));
});
