// Run in each page by test_every_page.py: what makes the page wider than the viewport, and form
// controls hidden while their label shows.
(() => {
  const width = document.documentElement.clientWidth;
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  // Content inside a scrolling box (a wide table in .table-wrap) does not widen the page.
  const scrolls = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return a.getBoundingClientRect().right <= width + 1;
    }
    return false;
  };
  const wide = [];
  if (document.documentElement.scrollWidth > width + 1) {
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0 && el.checkVisibility() && !scrolls(el)) {
        const parent = el.parentElement.getBoundingClientRect();
        if (parent.right <= width + 1 || el.parentElement === document.body) {
          wide.push(describe(el.parentElement) + ' > ' + describe(el) + ' ' + Math.round(box.right) + 'px');
        }
      }
    }
  }
  const hidden = [];
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    const labels = [...(el.labels || [])].filter((l) => l.checkVisibility({visibilityProperty: true}));
    const box = el.getBoundingClientRect();
    const shows = el.checkVisibility({visibilityProperty: true, opacityProperty: true}) &&
      box.width >= 4 && box.height >= 4;
    if (labels.length && !shows) hidden.push((el.name || el.id) + ' (' + labels[0].innerText.trim().slice(0, 40) + ')');
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5), hidden};
})()
