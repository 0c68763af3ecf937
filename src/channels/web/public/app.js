// @ts-check
/**
 * The playground page: ask, draw the answer three ways (Slack HTML from the server,
 * the Teams card with Microsoft's renderer, the JSON), act on their buttons, and
 * keep the Reminders panel and the country browser up to date.
 */
import { api } from './api.js';
import { createRemindersPanel } from './reminders-panel.js';
import { initCountryBrowser } from './country-browser.js';
import { renderTeamsCard } from './teams-card.js';
import { escapeHtml } from './teams-markdown.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ ($('ask-form'));
const input = /** @type {HTMLInputElement} */ ($('message'));
const status = $('status');
const slackPane = $('slack-pane');
const teamsPane = $('teams-pane');
const jsonPane = $('json-pane');
const tripForm = /** @type {HTMLFormElement} */ ($('trip-form'));
const remindersStatus = $('reminders-status');

/** @type {any} The last renderings shown: { answer, slack, slackHtml, teams, problems }. */
let shown = null;
let jsonView = 'answer';
/** Country names seen so far, for the Reminders panel. */
const names = /** @type {Record<string, string>} */ ({});

const reminders = createRemindersPanel({
  tripList: $('trip-list'),
  deliveredList: $('delivered-list'),
  status: remindersStatus,
  names: () => names,
  onShowDelivered: (id) => void showRenderings(`reminders/delivered/${encodeURIComponent(id)}`, 'the reminder as delivered'),
});

function nowLabel() {
  return new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** @param {string} reason */
function missing(reason) {
  return `<p class="placeholder">Not drawn: ${escapeHtml(reason)}. The JSON pane shows the Answer.</p>`;
}

function drawJson() {
  const value = !shown ? {} : jsonView === 'slack' ? shown.slack : jsonView === 'teams' ? shown.teams : shown.answer;
  const reason = shown?.problems?.[jsonView];
  jsonPane.textContent = value === null && reason ? `// ${reason}` : JSON.stringify(value, null, 2);
  for (const tab of document.querySelectorAll('.json-tab')) tab.setAttribute('aria-pressed', String(tab.getAttribute('data-view') === jsonView));
}

/** Draws renderings in all three panes; returns when both chat drawings are in the DOM. */
function draw(/** @type {any} */ renderings) {
  shown = renderings;
  for (const d of renderings.answer.destinations) names[d.countryCode] = d.countryName;
  $('slack-time').textContent = nowLabel();
  $('teams-time').textContent = nowLabel();
  slackPane.innerHTML = renderings.slackHtml ?? missing(renderings.problems.slack ?? 'no Slack message');
  if (renderings.teams) renderTeamsCard(teamsPane, renderings.teams, (action) => pressButton('teams', action.verb, action.data));
  else teamsPane.innerHTML = missing(renderings.problems.teams ?? 'no Adaptive Card');
  drawJson();
  const start = renderings.answer.trip?.start;
  const codes = renderings.answer.destinations.map((/** @type {any} */ d) => d.countryCode);
  if (codes.length) /** @type {HTMLInputElement} */ ($('trip-destinations')).value = codes.join(', ');
  if (start) /** @type {HTMLInputElement} */ ($('trip-start')).value = start;
  /** @type {HTMLInputElement} */ ($('trip-end')).value = renderings.answer.trip?.end ?? '';
}

/** @param {string} text */
async function ask(text) {
  const started = performance.now();
  status.textContent = 'Asking…';
  form.setAttribute('aria-busy', 'true');
  try {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const renderings = await api('ask', { body: { text, timeZone } });
    draw(renderings);
    const ms = Math.round(performance.now() - started);
    document.body.dataset.lastRenderMs = String(ms);
    status.textContent = `Answer shown in ${ms} ms (server ${renderings.timings.serverMs} ms).`;
  } catch (error) {
    status.textContent = `Could not answer: ${/** @type {Error} */ (error).message}`;
  } finally {
    form.removeAttribute('aria-busy');
  }
}

/** Draws renderings fetched from `path` (a country's answer, a delivered reminder) and moves focus to them. */
async function showRenderings(/** @type {string} */ path, /** @type {string} */ what) {
  status.textContent = `Loading ${what}…`;
  try {
    draw(await api(path));
    status.textContent = `Showing ${what}.`;
    const heading = $('answer-heading');
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    heading.scrollIntoView({ block: 'start' });
  } catch (error) {
    status.textContent = `Could not load ${what}: ${/** @type {Error} */ (error).message}`;
  }
}

/** A button in the Slack or Teams drawing: the server does what that door would do. */
async function pressButton(/** @type {'slack' | 'teams'} */ platform, /** @type {string | undefined} */ actionId, /** @type {unknown} */ value) {
  try {
    const result = await api('action', { body: { platform, ...(actionId ? { actionId } : {}), value } });
    // Like the Teams bot, redraw the card the button was on with what just happened.
    if (result.teams && shown) {
      shown.teams = result.teams;
      renderTeamsCard(teamsPane, result.teams, (action) => pressButton('teams', action.verb, action.data));
      drawJson();
    }
    if (result.action === 'remind') {
      const trip = result.trip;
      const where = trip.destinations.map((/** @type {string} */ c) => names[c] ?? c).join(', ');
      const message = `Reminders scheduled for ${where}, leaving ${trip.start}.`;
      status.innerHTML = `${escapeHtml(message)} <a href="#reminders">See Reminders</a>.`;
      remindersStatus.textContent = message;
      await reminders.refresh();
    } else if (result.action === 'snooze') {
      status.textContent = `Snoozed until ${new Date(result.until).toLocaleString()}.`;
      await reminders.refresh();
    } else if (result.action === 'message') {
      input.value = result.text;
      await ask(result.text);
    } else if (result.action === 'acknowledge') {
      status.textContent = result.trip ? 'Checklist marked as done.' : 'No trip to mark as done yet.';
      await reminders.refresh();
    } else {
      status.textContent = result.message;
    }
  } catch (error) {
    status.textContent = `That button did not work: ${/** @type {Error} */ (error).message}`;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (input.value.trim()) void ask(input.value);
});

for (const button of document.querySelectorAll('button.example'))
  button.addEventListener('click', () => {
    input.value = button.textContent ?? '';
    void ask(input.value);
  });

slackPane.addEventListener('click', (event) => {
  const button = /** @type {HTMLElement} */ (event.target).closest('button[data-action-id]');
  if (button) void pressButton('slack', button.getAttribute('data-action-id') ?? undefined, button.getAttribute('data-value') ?? '');
});

for (const tab of document.querySelectorAll('.json-tab'))
  tab.addEventListener('click', () => {
    jsonView = tab.getAttribute('data-view') ?? 'answer';
    drawJson();
  });

$('json-copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(jsonPane.textContent ?? '');
    status.textContent = 'JSON copied.';
  } catch {
    status.textContent = 'Copying is blocked here; select the JSON and copy it instead.';
  }
});

tripForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(tripForm);
  const destinations = String(data.get('destinations') ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((c) => c.toUpperCase());
  try {
    const { trip } = await api('reminders', { body: { destinations, start: data.get('start'), end: data.get('end') || null } });
    remindersStatus.textContent = `Reminders scheduled for ${trip.destinations.map((/** @type {string} */ c) => names[c] ?? c).join(', ')}, leaving ${trip.start}.`;
    await reminders.refresh();
  } catch (error) {
    remindersStatus.textContent = `Could not schedule: ${/** @type {Error} */ (error).message}`;
  }
});

$('reminders-refresh').addEventListener('click', () => {
  reminders.refresh().then(
    () => (remindersStatus.textContent = 'Reminders refreshed.'),
    (error) => (remindersStatus.textContent = `Could not refresh: ${error.message}`),
  );
});

void initCountryBrowser({
  table: /** @type {HTMLTableElement} */ ($('country-table')),
  body: $('country-rows'),
  onShow: (code, name) => void showRenderings(`countries/${encodeURIComponent(code)}`, `the answer for ${name}`),
  filters: {
    text: /** @type {HTMLInputElement} */ ($('country-filter')),
    tier: /** @type {HTMLSelectElement} */ ($('tier-filter')),
    level: /** @type {HTMLSelectElement} */ ($('level-filter')),
    count: $('country-count'),
  },
}).then(() => {
  for (const th of document.querySelectorAll('#country-rows th[scope="row"]')) {
    const code = th.querySelector('.code')?.textContent ?? '';
    names[code] = (th.firstChild?.textContent ?? code).trim();
  }
});
void reminders.refresh().catch(() => undefined);
// The scheduler delivers in the background: keep the panel current while the page is in view.
setInterval(() => {
  if (document.visibilityState === 'visible') void reminders.refresh().catch(() => undefined);
}, 15_000);
