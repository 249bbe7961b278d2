// Plan pages: the print button on the one-page plan, and ranking goals by dragging on the
// focus page. Without JavaScript both stay hidden; the Up and Down buttons rank goals alone.
"use strict";
(() => {
  const SAVE_FAILED = "The new order could not be saved. Check your connection and try again.";
  // The goal whose handle gets the focus back once the saved list is swapped in.
  let focusAfterSwap = null;

  const rows = (list) => Array.from(list.querySelectorAll(":scope > [data-goal-id]"));
  const isBusy = (list) => list.getAttribute("aria-busy") === "true";

  function announce(text) {
    const status = document.getElementById("rank-status");
    if (status) status.textContent = text;
  }

  function renumber(order) {
    order.forEach((row, i) => {
      const number = row.querySelector(".rank-number");
      if (number) number.textContent = String(i + 1);
    });
  }

  function showError(list, text) {
    let message = list.parentElement.querySelector("[data-rank-error]");
    if (!message) {
      message = document.createElement("p");
      message.className = "message error";
      message.setAttribute("data-rank-error", "");
      list.before(message);
    }
    message.textContent = text;
    announce(text);
  }

  // Show the new order at once, post it, and let the server's fragment replace the list.
  // If the post fails, the earlier order comes back with a message.
  function save(list, order, moved, keepFocus) {
    const before = rows(list);
    order.forEach((row) => list.appendChild(row));
    renumber(order);
    const handle = moved.querySelector("[data-drag-handle]");
    if (keepFocus && handle) {
      handle.focus();
      focusAfterSwap = moved.dataset.goalId;
    }
    list.setAttribute("aria-busy", "true");
    const fail = () => {
      if (!list.isConnected) return;
      before.forEach((row) => list.appendChild(row));
      renumber(before);
      list.removeAttribute("aria-busy");
      if (keepFocus && handle) handle.focus();
      focusAfterSwap = null;
      showError(list, SAVE_FAILED);
    };
    // The promise settles after the swap; a list still in the page was not replaced.
    htmx
      .ajax("POST", list.dataset.reorderUrl, {
        source: list,
        target: "#ranked-goals",
        swap: "outerHTML",
        values: { goal_ids: order.map((row) => row.dataset.goalId), moved: moved.dataset.goalId },
      })
      .then(fail, fail);
  }

  function setupList(list) {
    if (rows(list).length < 2) return;
    for (const handle of list.querySelectorAll("[data-drag-handle]")) handle.hidden = false;
    let drag = null;

    function layout() {
      const { all, from, to, height } = drag;
      // Rows between the old and new place make room: they move by the dragged row's height.
      all.forEach((row, i) => {
        row.classList.toggle("shift-up", i > from && i <= to);
        row.classList.toggle("shift-down", i < from && i >= to);
      });
      const order = all.filter((row) => row !== drag.row);
      order.splice(to, 0, drag.row);
      renumber(order);
      // The slot marks where the row lands: it has the dragged row's size, in its new place.
      const top = to <= from ? drag.tops[to] : drag.tops[to] + drag.heights[to] - height;
      drag.slot.style.top = `${top - drag.listTop}px`;
    }

    function start() {
      drag.started = true;
      drag.slot = document.createElement("li");
      drag.slot.className = "rank-slot";
      drag.slot.setAttribute("aria-hidden", "true");
      drag.slot.style.height = `${drag.height}px`;
      list.append(drag.slot);
      // Offsets go in custom properties on the list, never in a row's style attribute: htmx
      // copies a swapped row's old attributes onto its replacement, and the CSP refuses that.
      list.style.setProperty("--drag-shift", `${drag.height}px`);
      list.classList.add("is-sorting");
      drag.row.classList.add("is-dragging");
      layout();
    }

    function onMove(event) {
      if (!drag || event.pointerId !== drag.pointerId) return;
      const dy = event.pageY - drag.startY;
      if (!drag.started) {
        if (Math.abs(dy) < 4) return;
        start();
      }
      list.style.setProperty("--drag-dy", `${dy}px`);
      const centre = drag.tops[drag.from] + drag.height / 2 + dy;
      let to = 0;
      drag.all.forEach((row, i) => {
        if (i !== drag.from && drag.tops[i] + drag.heights[i] / 2 < centre) to += 1;
      });
      if (to !== drag.to) {
        drag.to = to;
        layout();
      }
      // Near the top or bottom of the screen, scroll so a long list can be reached.
      const edge = 48;
      if (event.clientY < edge) window.scrollBy(0, -12);
      else if (event.clientY > window.innerHeight - edge) window.scrollBy(0, 12);
    }

    function end(commit) {
      const ended = drag;
      drag = null;
      const { handle, row, all, pointerId } = ended;
      handle.removeEventListener("pointermove", onMove);
      handle.removeEventListener("pointerup", onUp);
      handle.removeEventListener("pointercancel", onCancel);
      handle.removeEventListener("lostpointercapture", onCancel);
      document.removeEventListener("keydown", onEscape, true);
      if (handle.hasPointerCapture(pointerId)) handle.releasePointerCapture(pointerId);
      if (!ended.started) return;
      ended.slot.remove();
      const moves = commit && ended.to !== ended.from;
      // A saved move jumps into place; a cancelled one glides back unless motion is reduced.
      if (moves) list.classList.add("no-anim");
      list.classList.remove("is-sorting");
      row.classList.remove("is-dragging");
      all.forEach((r) => r.classList.remove("shift-up", "shift-down"));
      list.style.removeProperty("--drag-dy");
      list.style.removeProperty("--drag-shift");
      if (moves) {
        const order = all.filter((r) => r !== row);
        order.splice(ended.to, 0, row);
        save(list, order, row, false);
        void list.offsetHeight;
        list.classList.remove("no-anim");
      } else {
        renumber(all);
        if (!commit) announce("Move cancelled.");
      }
    }

    function onUp(event) {
      if (drag && event.pointerId === drag.pointerId) end(true);
    }

    function onCancel(event) {
      if (drag && event.pointerId === drag.pointerId) end(false);
    }

    function onEscape(event) {
      if (event.key !== "Escape" || !drag) return;
      event.preventDefault();
      event.stopPropagation();
      end(false);
    }

    list.addEventListener("pointerdown", (event) => {
      const handle = event.target.closest("[data-drag-handle]");
      if (!handle || drag || isBusy(list) || !event.isPrimary || event.button !== 0) return;
      event.preventDefault();
      const row = handle.closest("[data-goal-id]");
      const all = rows(list);
      const boxes = all.map((r) => r.getBoundingClientRect());
      const from = all.indexOf(row);
      drag = {
        handle,
        row,
        all,
        from,
        to: from,
        pointerId: event.pointerId,
        startY: event.pageY,
        started: false,
        tops: boxes.map((box) => box.top + window.scrollY),
        heights: boxes.map((box) => box.height),
        height: boxes[from].height,
        listTop: list.getBoundingClientRect().top + window.scrollY,
        slot: null,
      };
      handle.setPointerCapture(event.pointerId);
      handle.addEventListener("pointermove", onMove);
      handle.addEventListener("pointerup", onUp);
      handle.addEventListener("pointercancel", onCancel);
      handle.addEventListener("lostpointercapture", onCancel);
      document.addEventListener("keydown", onEscape, true);
    });

    // The handle also answers the arrow keys, Home and End, one saved move per press.
    list.addEventListener("keydown", (event) => {
      const handle = event.target.closest("[data-drag-handle]");
      if (!handle || drag) return;
      const all = rows(list);
      const row = handle.closest("[data-goal-id]");
      const from = all.indexOf(row);
      const to = { ArrowUp: from - 1, ArrowDown: from + 1, Home: 0, End: all.length - 1 }[
        event.key
      ];
      if (to === undefined) return;
      event.preventDefault();
      if (isBusy(list) || to < 0 || to >= all.length || to === from) return;
      const order = all.filter((r) => r !== row);
      order.splice(to, 0, row);
      save(list, order, row, true);
    });
  }

  function init(root) {
    if (!root || typeof root.querySelectorAll !== "function") return;
    for (const button of root.querySelectorAll("button[data-print]")) {
      if (button.dataset.ready) continue;
      button.dataset.ready = "1";
      button.hidden = false;
      button.addEventListener("click", () => window.print());
    }
    const lists = Array.from(root.querySelectorAll("[data-rank-list]"));
    if (root.matches && root.matches("[data-rank-list]")) lists.push(root);
    for (const list of lists) {
      if (list.dataset.ready) continue;
      list.dataset.ready = "1";
      setupList(list);
      if (focusAfterSwap) {
        const handle = list.querySelector(
          `[data-goal-id="${focusAfterSwap}"] [data-drag-handle]:not([hidden])`,
        );
        if (handle) handle.focus();
      }
    }
    // A list swapped in without that goal (or without a list at all) drops the request.
    if (root.id === "ranked-goals" || lists.length) focusAfterSwap = null;
  }

  document.addEventListener("DOMContentLoaded", () => init(document));
  document.addEventListener("htmx:load", (event) => init(event.target));
})();
