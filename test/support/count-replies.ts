/**
 * Counts an app's calls to its conversation service (each a message understood and
 * answered in that process), so the scale-out tests can show the acknowledging process
 * answers nothing. Wraps the method on the live object the doors call at each message.
 */
import type { App } from '../../src/app/create-app.js';

export function countReplies(app: App, onReply: () => void): void {
  const conversation = app.context.conversation;
  const reply = conversation.reply.bind(conversation);
  conversation.reply = (turn) => {
    onReply();
    return reply(turn);
  };
}
