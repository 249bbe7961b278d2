// Skill combobox: htmx fills the listbox as the user types; this adds the keyboard and ARIA
// behaviour of a combobox (arrow keys move, Enter picks, Escape closes). Without it the form
// still works: the typed text is posted and matched on the server.
"use strict";
(() => {
  function setup(box) {
    const input = box.querySelector("[role=combobox]");
    const list = box.querySelector("[role=listbox]");
    const hidden = box.querySelector("input[name=skill_id]");
    const status = box.querySelector("[data-combobox-status]");
    if (!input || !list || !hidden) return;
    let active = -1;
    let picked = false;

    const options = () => Array.from(list.querySelectorAll("[role=option]"));

    function open(show) {
      list.hidden = !show;
      input.setAttribute("aria-expanded", show ? "true" : "false");
      if (!show) {
        active = -1;
        input.removeAttribute("aria-activedescendant");
      }
    }

    function highlight(index) {
      const all = options();
      if (!all.length) return;
      active = (index + all.length) % all.length;
      all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function choose(option) {
      input.value = option.dataset.label || "";
      hidden.value = option.dataset.skillId || "";
      picked = true;
      open(false);
      if (status) status.textContent = `${input.value} chosen.`;
    }

    input.addEventListener("input", () => {
      hidden.value = "";
      picked = false;
    });
    input.addEventListener("keydown", (event) => {
      const shown = !list.hidden && options().length > 0;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!options().length) return;
        event.preventDefault();
        if (!shown) open(true);
        highlight(event.key === "ArrowDown" ? active + 1 : active < 0 ? -1 : active - 1);
      } else if (event.key === "Enter" && shown && active >= 0) {
        event.preventDefault();
        choose(options()[active]);
      } else if (event.key === "Escape" && shown) {
        event.preventDefault();
        open(false);
      }
    });
    input.addEventListener("blur", () => open(false));
    // Keep the focus in the input while an option is clicked.
    list.addEventListener("mousedown", (event) => event.preventDefault());
    list.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) choose(option);
    });
    list.addEventListener("htmx:afterSwap", () => {
      active = -1;
      input.removeAttribute("aria-activedescendant");
      const count = options().length;
      open(count > 0 && !picked && document.activeElement === input);
      if (status && !picked) {
        status.textContent = count ? `${count} suggestions. Use the arrow keys to choose.` : "";
      }
    });
  }

  function init(root) {
    root.querySelectorAll("[data-combobox]").forEach((box) => {
      if (box.dataset.ready) return;
      box.dataset.ready = "1";
      setup(box);
    });
  }

  document.addEventListener("DOMContentLoaded", () => init(document));
  document.addEventListener("htmx:load", (event) => init(event.target));
})();
