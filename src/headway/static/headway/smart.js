// "Use this rewrite": copy the coach's rewrite into the goal field and, in the goal form, its
// target date and metric into their fields.
"use strict";
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-smart-use]") : null;
  if (!button) return;
  const field = document.getElementById(button.dataset.smartTarget || "id_statement");
  if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return;
  const fill = (id, value) => {
    const input = document.getElementById(id);
    if (!(input instanceof HTMLInputElement) || !value) return;
    input.value = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  };
  fill("id_target_date", button.dataset.smartDate);
  fill("id_metric_target", button.dataset.smartMetricTarget);
  fill("id_metric_unit", button.dataset.smartMetricUnit);
  field.value = button.dataset.smartUse || "";
  field.focus();
  field.dispatchEvent(new Event("input", { bubbles: true }));
});
