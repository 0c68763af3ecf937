/**
 * Composition of the conversation service (src/conversation/) from the server's parts:
 * the advisor every door reads through, the reminder service, thread memory in the
 * configured store (THREAD_MEMORY_HOURS), and what travel-desk commands need. Built once
 * by createApp and shared by every door, so a turn behaves the same wherever it arrives.
 */
import type { AppContext } from './app-context.js';
import { createConversation, type Conversation } from '../conversation/create-conversation.js';
import { createThreadMemory } from '../conversation/thread-memory.js';

export function buildConversation(ctx: Omit<AppContext, 'conversation'>): Conversation {
  const { config, logger } = ctx;
  let warned = false;
  const memory = createThreadMemory(ctx.store('thread-memory'), config.THREAD_MEMORY_HOURS * 3_600_000, () => {
    // Once per process: a store outage would otherwise log on every turn.
    if (!warned) logger.warn('store unavailable: conversation turns go on without thread memory');
    warned = true;
  });
  return createConversation({
    advisor: ctx.advisor,
    reminders: ctx.reminders,
    memory,
    clock: ctx.clock,
    modelSummaries: config.model !== null,
    desk: {
      advisor: ctx.advisor,
      reminders: ctx.reminders,
      clock: ctx.clock,
      limits: config,
      get alerts() {
        return ctx.alerts;
      },
      get insights() {
        return ctx.insights;
      },
    },
  });
}
