// @ts-check
/**
 * The country browser: a sortable, filterable table of every ISO 3166-1 country with
 * its coverage tier and level. Column headers are buttons (keyboard-usable, with
 * aria-sort); each row has a "Show answer" button. Not-assessed countries are drawn
 * neutral (grey), never in a level colour.
 */
import { api } from './api.js';
import { escapeHtml } from './teams-markdown.js';

/** @typedef {{ code: string, name: string, tier: 'assessed' | 'screened' | 'not-assessed', level: number, label: string, floor: boolean,
 *   score: number, computedLevel: number | null, indicators: Array<{ id: string, name: string, status: string }>,
 *   advisoryLevel: number | null, review: 'draft' | 'reviewed' | null, lastReviewed: string | null, stale: boolean, file: string | null }} CountryRow */

const TIER_ORDER = { assessed: 0, screened: 1, 'not-assessed': 2 };
const TIER_WORDS = { assessed: 'Assessed', screened: 'Screened', 'not-assessed': 'Not assessed' };

/** @param {CountryRow} row @param {string} key */
function sortValue(row, key) {
  if (key === 'level') return (row.tier === 'not-assessed' ? 0 : row.level * 1000) + row.score;
  if (key === 'tier') return TIER_ORDER[row.tier] * 10 + (5 - row.level);
  if (key === 'present') return row.indicators.filter((i) => i.status === 'present').length;
  if (key === 'lastReviewed') return row.lastReviewed ?? '';
  return row.name.toLowerCase();
}

/** @param {CountryRow} row */
function levelHtml(row) {
  if (row.tier === 'not-assessed') return `<span class="level level-none">not assessed · treated as ${escapeHtml(row.label)}</span>`;
  const words = row.floor && row.level > 1 ? `at least ${row.label}` : row.label;
  return `<span class="level level-${row.level}">${row.level} · ${escapeHtml(words)}</span>`;
}

/** @param {CountryRow} row */
function rowHtml(row) {
  const present = row.indicators.filter((i) => i.status === 'present');
  const unknown = row.indicators.filter((i) => i.status === 'unknown').length;
  const override = row.computedLevel !== null ? `<span class="tag">set by reviewers; computed ${row.computedLevel}</span>` : '';
  const indicators =
    row.tier === 'assessed'
      ? // "0 of 6 present (6 unknown)": the two counts in words, never run together ("0 of 66 unknown").
        `<span class="count">${present.length} of ${row.indicators.length} present</span>${unknown ? ` <span class="hint">(${unknown} unknown)</span>` : ''}${
          present.length ? `<ul class="indicator-list">${present.map((i) => `<li>${escapeHtml(i.name)}</li>`).join('')}</ul>` : ''
        }`
      : '<span class="hint">no country file</span>';
  const review = row.lastReviewed
    ? `<time datetime="${escapeHtml(row.lastReviewed)}">${escapeHtml(row.lastReviewed)}</time>${row.review === 'draft' ? ' <span class="tag">draft</span>' : ''}${
        row.stale ? ' <span class="tag tag-warn">due for review</span>' : ''
      }`
    : '<span class="hint">—</span>';
  return `<tr data-tier="${escapeHtml(row.tier)}">
    <th scope="row">${escapeHtml(row.name)} <span class="code">${escapeHtml(row.code)}</span></th>
    <td>${TIER_WORDS[row.tier] ?? escapeHtml(row.tier)}</td>
    <td>${levelHtml(row)} ${override}</td>
    <td>${indicators}</td>
    <td>${review}</td>
    <td><button type="button" class="show-country" data-code="${escapeHtml(row.code)}" aria-label="Show answer for ${escapeHtml(row.name)}">Show answer</button></td>
  </tr>`;
}

/**
 * @param {{ table: HTMLTableElement, body: HTMLElement, onShow: (code: string, name: string) => void,
 *   filters?: { text: HTMLInputElement | null, tier: HTMLSelectElement | null, level: HTMLSelectElement | null, count: HTMLElement | null } }} options
 */
export async function initCountryBrowser({ table, body, onShow, filters }) {
  /** @type {CountryRow[]} */
  let rows = [];
  let key = 'name';
  let ascending = true;

  /** @param {CountryRow} row */
  function visible(row) {
    const q = (filters?.text?.value ?? '').trim().toLowerCase();
    if (q && !row.name.toLowerCase().includes(q) && row.code.toLowerCase() !== q) return false;
    if (filters?.tier?.value && row.tier !== filters.tier.value) return false;
    if (filters?.level?.value && (row.tier === 'not-assessed' || String(row.level) !== filters.level.value)) return false;
    return true;
  }

  function draw() {
    const sorted = rows.filter(visible).sort((a, b) => {
      const x = sortValue(a, key);
      const y = sortValue(b, key);
      const c = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
      return ascending ? c : -c;
    });
    body.innerHTML = sorted.length ? sorted.map(rowHtml).join('') : '<tr><td colspan="6">No country matches these filters.</td></tr>';
    if (filters?.count) filters.count.textContent = `${sorted.length} of ${rows.length} countries`;
    for (const button of table.querySelectorAll('thead button[data-sort]')) {
      const th = /** @type {HTMLElement} */ (button.closest('th'));
      th.setAttribute('aria-sort', button.getAttribute('data-sort') === key ? (ascending ? 'ascending' : 'descending') : 'none');
    }
  }

  table.querySelector('thead')?.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button[data-sort]');
    if (!button) return;
    const next = button.getAttribute('data-sort') ?? 'name';
    ascending = next === key ? !ascending : next === 'name' || next === 'tier';
    key = next;
    draw();
  });
  for (const control of [filters?.text, filters?.tier, filters?.level]) control?.addEventListener('input', draw);
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
    body.innerHTML = `<tr><td colspan="6">Could not load countries: ${escapeHtml(String(/** @type {Error} */ (error).message))}</td></tr>`;
  }
}
