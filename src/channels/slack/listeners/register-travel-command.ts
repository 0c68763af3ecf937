/**
 * `/travel <message>`: acknowledged at once, answered through the command's
 * response_url as an ephemeral message only the asker sees, with "Share in channel".
 * The Answer is kept a day under a random key so sharing posts exactly what was shown.
 */
import { randomUUID } from 'node:crypto';
import { admissionOf } from '../middleware.js';
import { answerToBlockKit } from '../render/answer-to-block-kit.js';
import { BUSY_REPLY, askAdvisor, cleanSlackText, errorReply } from './reply-with-answer.js';
import type { SlackListener } from './slack-listener.js';

export const TRAVEL_COMMAND = '/travel';
/** How long a shown answer can still be shared. */
export const SHARE_TTL_MS = 24 * 60 * 60 * 1000;

export const registerTravelCommand: SlackListener = (app, deps) => {
  app.command(TRAVEL_COMMAND, async ({ command, ack, respond, context }) => {
    await ack();
    const admission = admissionOf(context);
    if (!admission) return void (await respond({ response_type: 'ephemeral', text: BUSY_REPLY }));
    admission.run(async () => {
      try {
        const answer = await askAdvisor(deps, cleanSlackText(command.text), await deps.zones.of(command.user_id));
        const key = randomUUID();
        // The answer needs no store; only "Share in channel" does, so it goes when the store is down.
        const kept = await deps.answers.set(key, answer, SHARE_TTL_MS).then(() => true, () => false);
        const message = answerToBlockKit(answer, kept ? { share: { a: key } } : {});
        await respond({ response_type: 'ephemeral', ...message });
      } catch (error) {
        await respond({ response_type: 'ephemeral', text: errorReply(error, deps) });
      }
    });
  });
};
