// @ts-check
/**
 * Draws the Teams door's Adaptive Card with Microsoft's own renderer (the
 * `adaptivecards` package, loaded from this server as window.AdaptiveCards), using a
 * host config close to Teams' light theme and Teams' Markdown subset.
 */
import { teamsMarkdown } from './teams-markdown.js';

/** Teams (light) look; colours picked to keep text at 4.5:1 or better on white. */
const HOST_CONFIG = {
  fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#5C5C5C' },
        accent: { default: '#4F52B2', subtle: '#4F52B2' },
        good: { default: '#0E700E', subtle: '#0E700E' },
        warning: { default: '#835B00', subtle: '#835B00' },
        attention: { default: '#B10E1C', subtle: '#B10E1C' },
        dark: { default: '#242424', subtle: '#424242' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#525252' },
        accent: { default: '#4F52B2', subtle: '#4F52B2' },
        good: { default: '#0E700E', subtle: '#0E700E' },
        warning: { default: '#7A5500', subtle: '#7A5500' },
        attention: { default: '#A50D1A', subtle: '#A50D1A' },
      },
    },
    accent: { backgroundColor: '#E8EBFA' },
    good: { backgroundColor: '#E7F4E4' },
    attention: { backgroundColor: '#FDF3F4' },
    warning: { backgroundColor: '#FEF7E4' },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    // Our pane is narrower than a Teams chat; wrap long titles rather than cut them.
    allowTitleToWrap: true,
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 12,
  },
};

/** @typedef {{ verb?: string, data?: unknown }} CardAction */

/**
 * Renders `cardJson` into `container`. Submit/Execute actions go to `onAction`;
 * OpenUrl opens a new tab; ShowCard and ToggleVisibility are the renderer's own. Returns false when the renderer could not draw the card.
 * @param {HTMLElement} container
 * @param {object} cardJson
 * @param {(action: CardAction) => void} onAction
 */
export function renderTeamsCard(container, cardJson, onAction) {
  /** @type {any} */
  const AC = /** @type {any} */ (window).AdaptiveCards;
  container.replaceChildren();
  if (!AC) {
    container.textContent = 'The Adaptive Cards renderer did not load (vendor/adaptivecards.min.js).';
    return false;
  }
  AC.AdaptiveCard.onProcessMarkdown = (/** @type {string} */ text, /** @type {any} */ result) => {
    result.outputHtml = teamsMarkdown(text);
    result.didProcess = true;
  };
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(HOST_CONFIG);
  card.onExecuteAction = (/** @type {any} */ action) => {
    if (action instanceof AC.OpenUrlAction) {
      if (/^https?:\/\//.test(action.url ?? '')) window.open(action.url, '_blank', 'noopener,noreferrer');
      return;
    }
    // Only Submit and Execute reach the bot. ToggleVisibility and ShowCard act inside the card, as in Teams;
    // passing them on made a "Sources" toggle report a card action the Teams door does not know.
    if (action instanceof AC.SubmitAction || action instanceof AC.ExecuteAction) onAction({ verb: action.verb, data: action.data });
  };
  card.parse(cardJson);
  const element = card.render();
  if (!element) {
    container.textContent = 'The Adaptive Cards renderer could not draw this card.';
    return false;
  }
  container.appendChild(element);
  return true;
}
