// @ts-check
/**
 * The country browser: a sortable table of every country file. Column headers are
 * buttons (keyboard-usable, with aria-sort); each row has a "Show answer" button.
 */
import { api } from './api.js';
import { escapeHtml } from './teams-markdown.js';

/** @typedef {{ code: string, name: string, level: number, label: string, score: number, computedLevel: number | null,
 *   indicators: Array<{ id: string, name: string, status: string }>, lastReviewed: string, stale: boolean, file: string }} CountryRow */

/** @param {CountryRow} row @param {string} key */
function sortValue(row, key) {
  if (key === 'level') return row.level * 1000 + row.score;
  if (key === 'present') return row.indicators.filter((i) => i.status === 'present').length;
  if (key === 'lastReviewed') return row.lastReviewed;
  return row.name.toLowerCase();
}

/** @param {CountryRow} row */
function rowHtml(row) {
  const present = row.indicators.filter((i) => i.status === 'present');
  const unknown = row.indicators.filter((i) => i.status === 'unknown').length;
  const override = row.computedLevel !== null ? `<span class="tag">set by reviewers; computed ${row.computedLevel}</span>` : '';
  return `<tr>
    <th scope="row">${escapeHtml(row.name)} <span class="code">${escapeHtml(row.code)}</span></th>
    <td><span class="level level-${row.level}">${row.level} · ${escapeHtml(row.label)}</span> ${override}</td>
    <td><span class="count">${present.length} of ${row.indicators.length}</span>${
      present.length ? `<ul class="indicator-list">${present.map((i) => `<li>${escapeHtml(i.name)}</li>`).join('')}</ul>` : ''
    }${unknown ? `<span class="hint">${unknown} unknown</span>` : ''}</td>
    <td><time datetime="${escapeHtml(row.lastReviewed)}">${escapeHtml(row.lastReviewed)}</time>${row.stale ? ' <span class="tag tag-warn">due for review</span>' : ''}</td>
    <td><button type="button" class="show-country" data-code="${escapeHtml(row.code)}" aria-label="Show answer for ${escapeHtml(row.name)}">Show answer</button></td>
  </tr>`;
}

/**
 * @param {{ table: HTMLTableElement, body: HTMLElement, onShow: (code: string, name: string) => void }} options
 */
export async function initCountryBrowser({ table, body, onShow }) {
  /** @type {CountryRow[]} */
  let rows = [];
  let key = 'name';
  let ascending = true;

  function draw() {
    const sorted = [...rows].sort((a, b) => {
      const x = sortValue(a, key);
      const y = sortValue(b, key);
      const c = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
      return ascending ? c : -c;
    });
    body.innerHTML = sorted.length ? sorted.map(rowHtml).join('') : '<tr><td colspan="5">The content base has no country files.</td></tr>';
    for (const button of table.querySelectorAll('thead button[data-sort]')) {
      const th = /** @type {HTMLElement} */ (button.closest('th'));
      th.setAttribute('aria-sort', button.getAttribute('data-sort') === key ? (ascending ? 'ascending' : 'descending') : 'none');
    }
  }

  table.querySelector('thead')?.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button[data-sort]');
    if (!button) return;
    const next = button.getAttribute('data-sort') ?? 'name';
    ascending = next === key ? !ascending : next === 'name';
    key = next;
    draw();
  });
  body.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button.show-country');
    if (!button) return;
    const code = button.getAttribute('data-code') ?? '';
    onShow(code, rows.find((r) => r.code === code)?.name ?? code);
  });

  try {
    rows = (await api('countries')).countries;
    draw();
  } catch (error) {
    body.innerHTML = `<tr><td colspan="5">Could not load countries: ${escapeHtml(String(/** @type {Error} */ (error).message))}</td></tr>`;
  }
}
