// @ts-check
/**
 * The Reminders panel: the local test user's trips, their scheduled reminders, what
 * the scheduler delivered (to the playground instead of Slack or Teams), and the form
 * to plan a trip by hand, whose country codes the server checks against ISO 3166-1
 * (the resolver the travel-desk API uses); a code it refuses is named beside the field.
 */
import { api, ApiError } from './api.js';
import { escapeHtml } from './teams-markdown.js';

const KIND = { briefing: 'Pre-trip briefing', 'day-before': 'Day-before check', 'post-trip': 'Post-trip clean-up' };

/** @param {string} iso */
function when(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** @param {Record<string, string>} names @param {any} trip */
function tripHtml(names, trip) {
  const places = trip.destinations.map((/** @type {string} */ c) => `${escapeHtml(names[c] ?? c)} (${escapeHtml(c)})`).join(', ');
  const dates = `leaving ${escapeHtml(trip.start)}${trip.end ? `, back ${escapeHtml(trip.end)}` : ''}`;
  const reminders = trip.reminders.length
    ? `<ul>${trip.reminders
        .map(
          (/** @type {any} */ r) =>
            `<li>${escapeHtml(KIND[/** @type {keyof KIND} */ (r.kind)] ?? r.kind)}: ${escapeHtml(when(r.dueAt))} <span class="tag">${escapeHtml(r.status)}</span>${
              r.reason ? ` <span class="hint">${escapeHtml(r.reason)}</span>` : ''
            }</li>`,
        )
        .join('')}</ul>`
    : '<p class="hint">No reminders scheduled for this trip.</p>';
  const statuses = trip.reminders.map((/** @type {any} */ r) => r.status);
  const cancelled = statuses.includes('cancelled') && !statuses.includes('scheduled');
  const ack = trip.acknowledgedAt ? ` <span class="tag tag-good">checklist done ${escapeHtml(when(trip.acknowledgedAt))}</span>` : '';
  const cancel = cancelled
    ? ' <span class="tag">cancelled</span>'
    : ` <button type="button" class="cancel-trip" data-trip="${escapeHtml(trip.id)}" aria-label="Cancel trip to ${places}">Cancel trip</button>`;
  return `<li class="trip"><p><strong>${places}</strong>, ${dates}${ack}${cancel}</p>${reminders}</li>`;
}

/**
 * @param {{ tripList: HTMLElement, deliveredList: HTMLElement, status: HTMLElement, form: HTMLFormElement, destinationsError: HTMLElement,
 *   refreshButton: HTMLElement, names: () => Record<string, string>, onShowDelivered: (reminderId: string) => void }} els
 */
export function createRemindersPanel({ tripList, deliveredList, status, form, destinationsError, refreshButton, names, onShowDelivered }) {
  const field = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  const destinations = field('destinations');

  /** @param {string} text */
  function fieldError(text) {
    destinationsError.textContent = text;
    if (text) destinations.setAttribute('aria-invalid', 'true');
    else destinations.removeAttribute('aria-invalid');
  }

  async function refresh() {
    const data = await api('reminders');
    tripList.innerHTML = data.trips.length ? data.trips.map((/** @type {any} */ t) => tripHtml(names(), t)).join('') : '<li class="placeholder">No trips yet.</li>';
    deliveredList.innerHTML = data.delivered.length
      ? data.delivered
          .map((/** @type {any} */ d) => {
            const title = `${KIND[/** @type {keyof KIND} */ (d.kind)] ?? d.kind} for ${d.destinations.map((/** @type {any} */ x) => x.countryName).join(', ')}`;
            const levels = d.destinations.map((/** @type {any} */ x) => `level ${x.level}, ${escapeHtml(x.label)}`).join('; ');
            return `<li>${escapeHtml(when(d.deliveredAt))}: ${escapeHtml(title)} (${levels})
              <button type="button" class="show-delivered" data-reminder="${escapeHtml(d.reminderId)}" aria-label="Show message: ${escapeHtml(title)}">Show message</button></li>`;
          })
          .join('')
      : '<li class="placeholder">Nothing delivered yet.</li>';
    return data;
  }

  tripList.addEventListener('click', async (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button.cancel-trip');
    if (!button) return;
    try {
      await api(`reminders/${encodeURIComponent(button.getAttribute('data-trip') ?? '')}/cancel`, { body: {} });
      status.textContent = 'Trip cancelled.';
      await refresh();
    } catch (error) {
      status.textContent = `Could not cancel: ${/** @type {Error} */ (error).message}`;
    }
  });

  deliveredList.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button.show-delivered');
    if (button) onShowDelivered(button.getAttribute('data-reminder') ?? '');
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fieldError('');
    const codes = destinations.value.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase());
    try {
      const { trip } = await api('reminders', { body: { destinations: codes, start: field('start').value, end: field('end').value || null } });
      status.textContent = `Reminders scheduled for ${trip.destinations.map((/** @type {string} */ c) => names()[c] ?? c).join(', ')}, leaving ${trip.start}.`;
      await refresh();
    } catch (error) {
      const message = /** @type {Error} */ (error).message;
      // The server names what is wrong with the countries: say it beside the field, and move there.
      if (error instanceof ApiError && error.status === 400 && /country code|destinations/i.test(message)) {
        fieldError(message);
        destinations.focus();
      }
      status.textContent = `Could not schedule: ${message}`;
    }
  });
  destinations.addEventListener('input', () => fieldError(''));

  refreshButton.addEventListener('click', () => {
    refresh().then(
      () => (status.textContent = 'Reminders refreshed.'),
      (error) => (status.textContent = `Could not refresh: ${error.message}`),
    );
  });

  return {
    refresh,
    /** Says something in the panel's status line. @param {string} text */
    say(text) {
      status.textContent = text;
    },
    /** Fills the form with the trip of the answer just shown. @param {any} answer */
    prefill(answer) {
      const codes = answer.destinations.map((/** @type {any} */ d) => d.countryCode);
      if (codes.length) destinations.value = codes.join(', ');
      if (answer.trip?.start) field('start').value = answer.trip.start;
      field('end').value = answer.trip?.end ?? '';
      fieldError('');
    },
  };
}
