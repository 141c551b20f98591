/**
 * Adds sort buttons to the headers of tables marked `data-sortable`. The table works without it
 * (rows come sorted by rank); the buttons announce the order through aria-sort.
 */
export function enhanceSortableTables(root: ParentNode = document): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
    const body = table.tBodies[0];
    if (!body) continue;
    // The last row (the city) stays at the bottom: it is a reference, not a ward.
    const fixed = body.rows[body.rows.length - 1];
    table.querySelectorAll<HTMLTableCellElement>('thead th').forEach((th, column) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      // The heading's own nodes move into the button: a reading (<ruby>) stays markup, so it is
      // drawn above its word and left out of the button's accessible name, not spelled out after it.
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('thead th').forEach((h) => h.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const rows = [...body.rows].filter((r) => r !== fixed);
        rows.sort((a, b) => compare(cellValue(a, column), cellValue(b, column)) * (ascending ? 1 : -1));
        body.append(...rows, ...(fixed ? [fixed] : []));
      });
    });
  }
}

function cellValue(row: HTMLTableRowElement, column: number): string | number {
  const text = textOf(row.cells[column]).trim();
  const n = Number(text.replace(/[,\s*％%]/g, '').replace(/\/.*$/, ''));
  return text === '' || text === '—' ? Number.NEGATIVE_INFINITY : Number.isNaN(n) ? text : n;
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'ja');
}

/** A cell's text without its readings (<rt>, <rp>): names sort by their words, figures parse as numbers. */
function textOf(cell: HTMLTableCellElement | undefined): string {
  if (!cell) return '';
  const copy = cell.cloneNode(true) as HTMLTableCellElement;
  for (const r of copy.querySelectorAll('rt, rp')) r.remove();
  return copy.textContent ?? '';
}
