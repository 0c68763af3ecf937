/**
 * `/travel <message>`: acknowledged at once, answered through the command's
 * response_url as an ephemeral message only the asker sees, with "Share in channel".
 * The message is a conversation turn like a DM ("remind me …" plans the trip), in the
 * asker's own memory for this channel. The Answer is kept a day under a random key so
 * sharing posts exactly what was shown.
 */
import { randomUUID } from 'node:crypto';
import { copyFormat } from '../../../app/copy-format.js';
import { admissionOf } from '../middleware.js';
import { answerToBlockKit } from '../render/answer-to-block-kit.js';
import { noticeToSlack } from '../render/reply-to-slack.js';
import { slackDate } from '../render/slack-date.js';
import { normaliseSlackText } from '../normalise-slack-text.js';
import { BUSY_REPLY, errorReply, slackUser } from './reply-with-answer.js';
import type { SlackListener } from './slack-listener.js';

export const TRAVEL_COMMAND = '/travel';
/** How long a shown answer can still be shared. */
export const SHARE_TTL_MS = 24 * 60 * 60 * 1000;

export const registerTravelCommand: SlackListener = (app, deps) => {
  app.command(TRAVEL_COMMAND, async ({ command, ack, respond, context, client }) => {
    await ack();
    const admission = admissionOf(context);
    if (!admission) return void (await respond({ response_type: 'ephemeral', text: BUSY_REPLY }));
    admission.run(async () => {
      try {
        const zone = await deps.zones.of(command.user_id);
        const reply = await deps.ctx.conversation.reply({
          text: normaliseSlackText(command.text) || 'help',
          // Private answers: the asker's own thread in this channel.
          thread: { key: `slack:${command.team_id}:${command.channel_id}:/travel:${command.user_id}` },
          user: slackUser(deps, client, command.user_id),
          timeZone: zone,
          now: deps.ctx.clock(),
        });
        if (reply.notice) await respond({ response_type: 'ephemeral', text: noticeToSlack(reply.notice, copyFormat(deps.ctx, (iso) => slackDate(iso, zone))) });
        if (!reply.answer) return;
        const key = randomUUID();
        // The answer needs no store; only "Share in channel" does, so it goes when the store is down.
        const kept = await deps.answers.set(key, reply.answer, SHARE_TTL_MS).then(() => true, () => false);
        await respond({ response_type: 'ephemeral', ...answerToBlockKit(reply.answer, kept ? { share: { a: key } } : {}) });
      } catch (error) {
        await respond({ response_type: 'ephemeral', text: errorReply(error, deps) });
      }
    });
  });
};
