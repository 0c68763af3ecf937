// @ts-check
/**
 * The two chat drawings: the Slack message (HTML from the server; ephemeral for
 * /travel, marked "Only visible to you" as Slack marks it) and the Teams card (drawn by
 * Microsoft's renderer) with the follow-up cards the bot sends under it. Buttons in
 * either go to `onButton`, which asks the server to do what that door would do.
 */
import { renderTeamsCard } from './teams-card.js';
import { escapeHtml } from './teams-markdown.js';

/** @typedef {(platform: 'slack' | 'teams', actionId: string | undefined, value: unknown) => void} OnButton */

/**
 * @param {{ slackPane: HTMLElement, ephemeralNote: HTMLElement, teamsPane: HTMLElement, teamsFollowups: HTMLElement, onButton: OnButton }} els
 */
export function createChatPanes({ slackPane, ephemeralNote, teamsPane, teamsFollowups, onButton }) {
  const teamsAction = (/** @type {{ verb?: string, data?: unknown }} */ action) => onButton('teams', action.verb, action.data);

  slackPane.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button[data-action-id]');
    if (button) onButton('slack', button.getAttribute('data-action-id') ?? undefined, button.getAttribute('data-value') ?? '');
  });

  return {
    /** Why a pane is empty, in its place. @param {string} reason */
    missing(reason) {
      return `<p class="placeholder">Not drawn: ${escapeHtml(reason)}. The JSON pane shows the Answer.</p>`;
    },
    /** The Slack message: ephemeral (/travel) or posted for everyone. @param {string} html @param {boolean} ephemeral */
    slack(html, ephemeral) {
      slackPane.innerHTML = html;
      ephemeralNote.hidden = !ephemeral;
      slackPane.closest('.slack-frame')?.classList.toggle('is-ephemeral', ephemeral);
    },
    /** The Teams card; a missing one is explained. @param {object | null} card @param {string} [reason] */
    teams(card, reason) {
      if (card) renderTeamsCard(teamsPane, card, teamsAction);
      else teamsPane.innerHTML = this.missing(reason ?? 'no Adaptive Card');
    },
    /** Messages the Teams bot sends after the card (follow-up cards), below it as in the chat. @param {object[]} cards */
    teamsFollowups(cards) {
      teamsFollowups.replaceChildren();
      for (const [i, card] of cards.entries()) {
        const bubble = document.createElement('div');
        bubble.className = 'teams-card teams-followup';
        bubble.setAttribute('data-testid', `teams-followup-${i + 1}`);
        teamsFollowups.appendChild(bubble);
        renderTeamsCard(bubble, card, teamsAction);
      }
    },
  };
}
