/**
 * Replies to the person who pressed a button, and only to them: in the message's
 * thread (chat.postEphemeral) when the message is visible to the channel, through the
 * action's response_url when it was itself ephemeral (a /travel answer) or has no
 * channel. Shared by every button listener.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackBlock } from '../render/block-parts.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Tells only the clicker; `blocks` (at most SLACK_LIMITS.messageBlocks) go with the text when given. */
export async function tellClicker(args: ButtonArgs, text: string, blocks?: SlackBlock[]): Promise<void> {
  const { body, client } = args;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  if (body.channel?.id && message?.ts && !body.container?.is_ephemeral) {
    await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, thread_ts: message.thread_ts ?? message.ts, text, ...(blocks ? { blocks } : {}) });
    return;
  }
  await (args.respond as RespondFn)({ response_type: 'ephemeral', replace_original: false, text, ...(blocks ? { blocks } : {}) });
}
