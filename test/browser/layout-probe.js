// Measures, inside a loaded page, what a reader sees of its tables and charts. Plain browser
// JavaScript read as text and evaluated in the page, so no build step rewrites it.
// Returns lists of findings (empty when the page is fine), the page's sideways overflow, the
// rendered width of every chart, and how many reference marks (line and label) were checked.
(minChartFontPx) => {
  const findings = { wrappedCells: [], textOutside: [], smallText: [], truncated: [], overlapping: [], overflow: 0, chartWidths: [], referenceCrossings: [], referencesChecked: 0 };
  const visible = (r) => r.width > 0 && r.height > 0;
  const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  // A CJK character takes about twice the width of a Latin one: "short" is what fits in about
  // twelve CJK or twenty-four Latin characters, i.e. a name or a number.
  const weight = (s) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);

  // Readers open the data tables under the charts; measure them open.
  for (const d of document.querySelectorAll('details')) d.open = true;

  // Lines a cell's text occupies: text rectangles grouped into line boxes.
  const linesOf = (cell) => {
    const rects = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // A reading (ふりがな) sits above its base text, not on a line of its own: in a font whose
      // glyph boxes are short the two boxes do not overlap and would count as two lines.
      if (!n.textContent.trim() || n.parentElement?.closest('rt, rp')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (visible(r)) rects.push(r);
    }
    rects.sort((a, b) => a.top - b.top);
    let lines = 0;
    let bottom = -Infinity;
    for (const r of rects) {
      if (r.top >= bottom - 1) {
        lines++;
        bottom = r.bottom;
      } else bottom = Math.max(bottom, r.bottom);
    }
    return lines;
  };
  for (const table of document.querySelectorAll('table')) {
    const name = squash(table.caption?.textContent).slice(0, 40);
    for (const cell of table.querySelectorAll('th, td')) {
      const text = squash(cell.textContent);
      if (!text || weight(text) > 24) continue;
      const lines = linesOf(cell);
      if (lines > 1) findings.wrappedCells.push(`${name} › "${text}" on ${lines} lines`);
    }
  }

  document.querySelectorAll('main svg').forEach((svg, index) => {
    const box = svg.getBoundingClientRect();
    const viewBox = svg.viewBox?.baseVal;
    if (!visible(box) || !viewBox || !viewBox.width) return;
    const scale = box.width / viewBox.width;
    const label = `svg ${index + 1}`;
    findings.chartWidths.push(Math.round(box.width));
    // A chart's reference (its dashed line and the line's label, class chart-reference) must not
    // run through a printed value (class chart-values): each element's box against each label's.
    // A line's box has no width: it is widened by its stroke's half on each side.
    const references = [...svg.querySelectorAll('.chart-reference line, .chart-reference text')].map((el) => {
      const b = el.getBoundingClientRect();
      const half = el.tagName === 'line' ? (parseFloat(getComputedStyle(el).strokeWidth) || 1) * scale / 2 : 0;
      return { el, r: { left: b.left - half, right: b.right + half, top: b.top, bottom: b.bottom } };
    });
    if (references.length > 0) findings.referencesChecked++;
    for (const value of svg.querySelectorAll('.chart-values text')) {
      const v = value.getBoundingClientRect();
      if (!visible(v)) continue;
      for (const { el, r } of references) {
        if (Math.min(r.right, v.right) - Math.max(r.left, v.left) > 0 && Math.min(r.bottom, v.bottom) - Math.max(r.top, v.top) > 0) {
          findings.referenceCrossings.push(`${label} reference ${el.tagName} × value "${squash(value.textContent)}"`);
        }
      }
    }
    const texts = [];
    for (const text of svg.querySelectorAll('text')) {
      const content = squash(text.textContent);
      const r = text.getBoundingClientRect();
      if (!content || !visible(r)) continue;
      texts.push({ content, r });
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        findings.textOutside.push(`${label} "${content}" at ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} × ${Math.round(r.top - box.top)}..${Math.round(r.bottom - box.top)} in ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (px < minChartFontPx) findings.smallText.push(`${label} "${content}" ${px.toFixed(1)}px`);
      if (content.includes('…')) findings.truncated.push(`${label} "${content}"`);
    }
    // Two labels collide when their boxes overlap by more than a sliver: a third of the smaller
    // height (fonts' line boxes are taller than their glyphs) and two pixels across.
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].r;
        const b = texts[j].r;
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > 2 && down > Math.min(a.height, b.height) / 3) findings.overlapping.push(`${label} "${texts[i].content}" × "${texts[j].content}"`);
      }
    }
  });

  findings.overflow = document.documentElement.scrollWidth - window.innerWidth;
  return findings;
}
