// @ts-check
/**
 * The playground page: ask (as a message, or as Slack's /travel), draw the answer three
 * ways (Slack HTML from the server, the Teams card with Microsoft's renderer, the JSON),
 * act on every button as the door would (Slack's modal, Teams' follow-up cards, Share in
 * channel), and keep the Reminders panel and the country browser up to date.
 */
import { api, ApiError } from './api.js';
import { createRemindersPanel } from './reminders-panel.js';
import { initCountryBrowser } from './country-browser.js';
import { createChatPanes } from './chat-panes.js';
import { createSlackModal } from './slack-modal.js';
import { escapeHtml } from './teams-markdown.js';
import { initAlertPreview } from './alert-preview.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ ($('ask-form'));
const input = /** @type {HTMLInputElement} */ ($('message'));
const asTravel = /** @type {HTMLInputElement} */ ($('as-travel'));
const messageError = $('message-error');
const status = $('status');
const jsonPane = $('json-pane');

/** @type {any} The last renderings shown: { answer, slack, slackHtml, slackEphemeral, teams, problems }. */
let shown = null;
let jsonView = 'answer';
/** Country names seen so far, for the Reminders panel. */
const names = /** @type {Record<string, string>} */ ({});

const reminders = createRemindersPanel({
  tripList: $('trip-list'),
  deliveredList: $('delivered-list'),
  status: $('reminders-status'),
  form: /** @type {HTMLFormElement} */ ($('trip-form')),
  destinationsError: $('trip-destinations-error'),
  refreshButton: $('reminders-refresh'),
  names: () => names,
  onShowDelivered: (id) => void showRenderings(`reminders/delivered/${encodeURIComponent(id)}`, 'the reminder as delivered'),
});

const panes = createChatPanes({
  slackPane: $('slack-pane'),
  ephemeralNote: $('slack-ephemeral'),
  teamsPane: $('teams-pane'),
  teamsFollowups: $('teams-followups'),
  onButton: (platform, actionId, value) => void pressButton(platform, actionId, value),
});

const modal = createSlackModal({
  dialog: /** @type {HTMLDialogElement} */ ($('slack-modal')),
  onButton: (actionId, value) => void pressButton('slack', actionId, value),
});

function nowLabel() {
  return new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
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
  panes.slack(renderings.slackHtml ?? panes.missing(renderings.problems.slack ?? 'no Slack message'), renderings.slackEphemeral === true);
  panes.teams(renderings.teams, renderings.problems.teams);
  panes.teamsFollowups([]);
  drawJson();
  reminders.prefill(renderings.answer);
}

/** Shows why a message was not asked, next to the box, as the chat doors would say it. */
function showMessageError(/** @type {string} */ text) {
  messageError.textContent = text;
  if (text) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** @param {string} text */
/** This page's conversation: follow-ups ("what about the VPN there?") lean on what it asked before, as in a chat thread. */
const conversation = crypto.randomUUID();

async function ask(text) {
  const started = performance.now();
  showMessageError('');
  status.textContent = 'Asking…';
  form.setAttribute('aria-busy', 'true');
  try {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const body = { text, timeZone, locale: navigator.language, via: asTravel.checked ? 'travel-command' : 'message', conversation };
    const renderings = await api('ask', { body });
    // What was done ("Trip … saved", "noted that you have done the checklist"), as the chat doors say it.
    const notice = renderings.reply?.notice?.text ?? '';
    if (renderings.reply?.notice) await reminders.refresh();
    if (!renderings.answer) {
      status.textContent = notice;
      return;
    }
    draw(renderings);
    const ms = Math.round(performance.now() - started);
    document.body.dataset.lastRenderMs = String(ms);
    status.textContent = `${notice ? `${notice} ` : ''}Answer shown in ${ms} ms (server ${renderings.timings.serverMs} ms)${renderings.slackEphemeral ? '; in Slack only you see it' : ''}.`;
  } catch (error) {
    // A message the advisor refuses (empty, too long, binary) is the user's to fix: say why, beside the box.
    if (error instanceof ApiError && error.status === 400) {
      showMessageError(error.message);
      status.textContent = 'Not asked: see the message box.';
      input.focus();
    } else status.textContent = `Could not answer: ${/** @type {Error} */ (error).message}`;
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

/** What the page does with the server's outcome of a button, per action. */
const outcomes = /** @type {Record<string, (result: any) => Promise<void> | void>} */ ({
  async remind(result) {
    const trip = result.trip;
    const where = trip.destinations.map((/** @type {string} */ c) => names[c] ?? c).join(', ');
    const message = `Reminders scheduled for ${where}, leaving ${trip.start}.`;
    status.innerHTML = `${escapeHtml(message)} <a href="#reminders">See Reminders</a>.`;
    reminders.say(message);
    await reminders.refresh();
  },
  async snooze(result) {
    status.textContent = `Snoozed until ${new Date(result.until).toLocaleString()}.`;
    await reminders.refresh();
  },
  async message(result) {
    input.value = result.text;
    await ask(result.text);
  },
  async acknowledge(result) {
    status.textContent = result.trip ? 'Checklist marked as done.' : 'No trip to mark as done yet.';
    await reminders.refresh();
  },
  details(result) {
    if (result.platform === 'slack') {
      // views.open from the message; "Next page" inside the modal is views.update.
      if (modal.isOpen) modal.update(result.modal);
      else modal.open(result.modal);
      status.textContent = `Slack opened “${result.modal.title}” in a modal.`;
      return;
    }
    panes.teamsFollowups(result.cards);
    status.textContent = `The Teams bot sent ${result.cards.length === 1 ? 'a follow-up card' : `${result.cards.length} follow-up cards`} below the answer.`;
  },
  share(result) {
    // Slack posts the answer for everyone and deletes the private one.
    if (shown) Object.assign(shown, { slack: result.slack, slackHtml: result.slackHtml, slackEphemeral: false });
    panes.slack(result.slackHtml ?? panes.missing(result.problems?.slack ?? 'no Slack message'), false);
    drawJson();
    status.textContent = 'Shared in the channel: everyone in it sees this message now.';
  },
});

/** A button in the Slack or Teams drawing: the server does what that door would do. */
async function pressButton(/** @type {'slack' | 'teams'} */ platform, /** @type {string | undefined} */ actionId, /** @type {unknown} */ value) {
  try {
    const result = await api('action', { body: { platform, ...(actionId ? { actionId } : {}), value } });
    // Like the Teams bot, redraw the card the button was on with what just happened.
    if (result.teams && shown) {
      shown.teams = result.teams;
      panes.teams(result.teams);
      drawJson();
    }
    const then = outcomes[result.action];
    if (then) await then(result);
    else status.textContent = result.message;
  } catch (error) {
    status.textContent = `That button did not work: ${/** @type {Error} */ (error).message}`;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void ask(input.value);
});
input.addEventListener('input', () => showMessageError(''));

for (const button of document.querySelectorAll('button.example'))
  button.addEventListener('click', () => {
    input.value = button.textContent ?? '';
    void ask(input.value);
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
initAlertPreview({
  form: /** @type {HTMLFormElement} */ ($('alert-preview-form')),
  input: /** @type {HTMLInputElement} */ ($('alert-preview-ref')),
  status: $('alert-preview-status'),
  list: $('alert-preview-list'),
  onButton: (platform, actionId, value) => void pressButton(platform, actionId, value),
});
void reminders.refresh().catch(() => undefined);
// The scheduler delivers in the background: keep the panel current while the page is in view.
setInterval(() => {
  if (document.visibilityState === 'visible') void reminders.refresh().catch(() => undefined);
}, 15_000);
