// @ts-check
/**
 * "Alerts this content would send": asks the server to compare the content it loaded
 * with the content at a git ref, lists the destinations whose change alerts travellers
 * (with how many upcoming trips each would reach), and draws each alert as the Slack and
 * Teams deliverers send it. Buttons in the drawings go to `onButton`, as in the answer above.
 */
import { api } from './api.js';
import { renderTeamsCard } from './teams-card.js';
import { escapeHtml } from './teams-markdown.js';

/** @typedef {(platform: 'slack' | 'teams', actionId: string | undefined, value: unknown) => void} OnButton */

const trips = (/** @type {number | null} */ n) => (n === null ? 'unknown' : `${n} upcoming trip${n === 1 ? '' : 's'}`);

/**
 * @param {{ form: HTMLFormElement, input: HTMLInputElement, status: HTMLElement, list: HTMLElement, onButton: OnButton }} els
 */
export function initAlertPreview({ form, input, status, list, onButton }) {
  list.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('.slack-blocks button[data-action-id]');
    if (button) onButton('slack', button.getAttribute('data-action-id') ?? undefined, button.getAttribute('data-value') ?? '');
  });

  /** @param {any} result */
  function draw(result) {
    list.replaceChildren();
    const base = `${result.ref} (${String(result.commit).slice(0, 10)})`;
    if (result.changes === null) {
      status.textContent = `${base} has no content: a server would record this content as seen and alert nobody.`;
      return;
    }
    if (!result.changes.length) {
      status.textContent = `No change against ${base} alerts travellers (level, coverage tier, VPN or encryption law, new key action).`;
      return;
    }
    const reach = result.trips === null ? `upcoming trips: unknown (${result.tripsUnknown})` : `${trips(result.trips)} in this server's store would get one alert each`;
    status.textContent = `${result.changes.length} destination${result.changes.length === 1 ? '' : 's'} changed in a way that alerts travellers against ${base}; ${reach}.`;
    const summary = document.createElement('ul');
    summary.className = 'alert-changes';
    summary.setAttribute('aria-label', 'Destinations whose change alerts travellers');
    for (const c of result.changes) {
      const li = document.createElement('li');
      li.textContent = `${c.countryName} (${c.countryCode}): ${c.tags.join('; ')}; ${trips(c.trips)}`;
      summary.appendChild(li);
    }
    list.appendChild(summary);
    for (const a of result.alerts) {
      const item = document.createElement('article');
      item.className = 'alert-preview-item';
      item.setAttribute('data-testid', `alert-preview-${a.countryCode}`);
      const id = `alert-preview-${a.countryCode}-heading`;
      item.setAttribute('aria-labelledby', id);
      item.innerHTML = `
        <h3 id="${id}">${escapeHtml(a.countryName)}: the alert for a trip ${escapeHtml(a.trip.start)} to ${escapeHtml(a.trip.end ?? '?')}</h3>
        <div class="panes">
          <div class="pane"><h4 class="pane-title">As Slack shows it</h4>
            <div class="slack-frame"><div class="slack-avatar" aria-hidden="true">TA</div>
              <div class="slack-content"><div class="slack-meta"><span class="slack-name">Travel Advisor</span> <span class="slack-app">APP</span></div>
              <div class="slack-blocks" data-testid="alert-preview-slack"></div></div></div></div>
          <div class="pane"><h4 class="pane-title">As Teams shows it</h4>
            <div class="teams-frame"><div class="teams-meta"><span class="teams-avatar" aria-hidden="true">TA</span><span class="teams-name">Travel Advisor</span></div>
              <div class="teams-card" data-testid="alert-preview-teams"></div></div></div>
        </div>`;
      const slack = /** @type {HTMLElement} */ (item.querySelector('[data-testid="alert-preview-slack"]'));
      const teams = /** @type {HTMLElement} */ (item.querySelector('[data-testid="alert-preview-teams"]'));
      const r = a.renderings;
      slack.innerHTML = r.slackHtml ?? `<p class="placeholder">Not drawn: ${escapeHtml(r.problems.slack ?? 'no Slack message')}.</p>`;
      if (r.teams) renderTeamsCard(teams, r.teams, (/** @type {{ verb?: string, data?: unknown }} */ action) => onButton('teams', action.verb, action.data));
      else teams.innerHTML = `<p class="placeholder">Not drawn: ${escapeHtml(r.problems.teams ?? 'no Adaptive Card')}.</p>`;
      list.appendChild(item);
    }
    if (result.changes.length > result.alerts.length) {
      const more = document.createElement('p');
      more.className = 'hint';
      more.textContent = `The first ${result.alerts.length} are drawn; the others alert in the same way.`;
      list.appendChild(more);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const ref = input.value.trim() || 'main';
    status.textContent = `Comparing with ${ref}…`;
    form.setAttribute('aria-busy', 'true');
    try {
      draw(await api(`alert-preview?ref=${encodeURIComponent(ref)}`));
    } catch (error) {
      list.replaceChildren();
      const details = /** @type {any} */ (error).body?.details;
      status.textContent = `Could not compare with ${ref}: ${/** @type {Error} */ (error).message}${Array.isArray(details) && details.length ? ` (${details.slice(0, 3).join('; ')})` : ''}`;
    } finally {
      form.removeAttribute('aria-busy');
    }
  });
}
