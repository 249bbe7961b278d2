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

// The guide's answers survive a re-render (hx-preserve), but htmx drops a "change" made while a
// check is in flight, so the rewrite could miss an answer the page still shows. After each swap,
// compare the inputs with what the server saw (data-seen-*) and send the guide again if they
// differ; never twice for the same values, so a value the server trims cannot loop.
let lastResent = "";
document.addEventListener("htmx:afterSettle", () => {
  const guide = document.querySelector("[data-smart-guide]");
  if (!guide || typeof htmx === "undefined") return;
  const inputs = Array.from(guide.querySelectorAll("input[name^='guide_']"));
  const unseen = inputs.some((input) => {
    const seen = guide.getAttribute("data-seen-" + input.name.slice("guide_".length));
    return seen !== null && seen !== input.value.trim().slice(0, 200);
  });
  const values = JSON.stringify(inputs.map((input) => input.value));
  if (unseen && values !== lastResent) {
    lastResent = values;
    htmx.trigger(guide, "change");
  }
});
