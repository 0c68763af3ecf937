/**
 * "Full checklist" and "Why this level": the rest of an answer, one click away. The
 * button carries the destinations; the view is rebuilt from content (no summary, so no
 * model call delays it) and opened as a modal with the action's trigger_id, which Slack
 * sends from thread answers, DMs, ephemeral /travel answers and reminders alike and
 * which expires after 3 seconds. "Next page" inside the modal updates the same view.
 * When a modal cannot be opened (an expired trigger, a client without modals) the same
 * content goes to the clicker as ephemeral messages, every page of it: never dropped.
 */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS, detailsValueSchema, parseActionValue } from '../actions.js';
import { SLACK_LIMITS } from '../limits.js';
import { DETAILS_TITLES, detailsPages, detailsView, type DetailsKind } from '../render/details-view.js';
import type { SlackListener } from './slack-listener.js';
import { tellClicker } from './tell-clicker.js';

export const registerDetailsActions: SlackListener = (app, deps) => {
  const { ctx } = deps;
  const describe = (error: unknown) => ({ message: error instanceof Error ? error.message : String(error), code: (error as { code?: string }).code });

  for (const kind of ['checklist', 'why'] as DetailsKind[]) {
    app.action<BlockAction<ButtonAction>>(ACTION_IDS[kind], async (args) => {
      await args.ack();
      const value = parseActionValue(detailsValueSchema, args.action.value);
      // Codes come back from the client: only places the content base knows are looked up.
      const codes = (value?.d ?? []).filter((c) => ctx.advisor.content.world.has(c));
      if (!value || !codes.length) return tellClicker(args, 'That button no longer works; ask about the trip again.');
      const answer = await ctx.advisor.answerForCountries(codes, { summary: false });
      const view = detailsView(kind, answer, value.p ?? 1);
      const inModal = args.body.view?.id;
      if (inModal) {
        // Paging inside an open modal; a page that cannot be shown leaves the one on screen (no channel to write to).
        await args.client.views.update({ view_id: inModal, view }).catch((error: unknown) => deps.logger.warn({ err: describe(error), kind }, 'Slack details page could not be shown'));
        return;
      }
      try {
        await args.client.views.open({ trigger_id: args.body.trigger_id, view });
        return;
      } catch (error) {
        deps.logger.warn({ err: describe(error), kind }, 'Slack details view could not be opened; sending it as messages');
      }
      const pages = detailsPages(kind, answer, SLACK_LIMITS.messageBlocks);
      for (const [i, blocks] of pages.entries())
        await tellClicker(args, `${DETAILS_TITLES[kind]}${pages.length > 1 ? ` (${i + 1} of ${pages.length})` : ''}`, blocks);
    });
  }
};
