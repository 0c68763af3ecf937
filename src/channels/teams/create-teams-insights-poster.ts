/**
 * Where the Teams door posts the weekly security-team insights: the channel a member of
 * the travel-desk team chose with `travel-desk insights here` (its conversation
 * reference, stored by the insights service), as a new post in that channel. Only to a
 * serviceUrl on TEAMS_SERVICE_URL_HOSTS, retried on 429/412/502/504 like reminders; any
 * other failure throws and the weekly job tries again later (src/insights/weekly-insights.ts).
 */
import { PLAIN_DESK_FORMAT } from '../../reminders/render-desk-report.js';
import { renderInsights } from '../../insights/render-insights.js';
import type { InsightsPoster } from '../../insights/weekly-insights.js';
import { sendWithRetry, TeamsDeliveryError, type RetryOptions } from './send-with-retry.js';
import type { ServiceUrlPolicy } from './service-url-policy.js';
import type { TeamsConversationRef, TeamsPort } from './teams-port.js';

/**
 * The channel itself, from a reference to a message in it: without `;messageid=…` and
 * the activity id, a send starts a new post in the channel instead of replying in a
 * thread. Without the user who asked either: a channel post needs no person, and the
 * insights keep no user id.
 */
export function channelReference(ref: TeamsConversationRef): TeamsConversationRef {
  const { activityId: _reply, user: _user, ...rest } = ref;
  return { ...rest, conversation: { ...ref.conversation, id: ref.conversation.id.replace(/;messageid=\d+$/, '') } } as TeamsConversationRef;
}

function isReference(value: unknown): value is TeamsConversationRef {
  const v = value as Partial<TeamsConversationRef> | null;
  return typeof v?.serviceUrl === 'string' && typeof v.conversation?.id === 'string';
}

export interface TeamsInsightsPosterOptions {
  port: Pick<TeamsPort, 'continueConversation'>;
  serviceUrls: ServiceUrlPolicy;
  /** The stored channel reference (InsightsService.target('teams')), or null. */
  target(): Promise<unknown>;
  retry?: RetryOptions;
}

/** Registered by the Teams door; until a desk member chose a channel it has no target and the weekly job skips Teams. */
export function createTeamsInsightsPoster(options: TeamsInsightsPosterOptions): InsightsPoster {
  const reference = async () => {
    const t = await options.target();
    return isReference(t) ? t : null;
  };
  return {
    platform: 'teams',
    hasTarget: async () => (await reference()) !== null,
    async post(insights, heading) {
      const ref = await reference();
      if (!ref) throw new TeamsDeliveryError('no Teams channel chosen for the weekly insights', { status: null, permanent: true });
      if (!options.serviceUrls.allows(ref.serviceUrl))
        throw new TeamsDeliveryError('the stored Teams channel points at a service URL outside TEAMS_SERVICE_URL_HOSTS; run `travel-desk insights here` in the channel again', { status: null, permanent: true });
      const activity = { type: 'message', text: renderInsights(insights, PLAIN_DESK_FORMAT, `**${heading}**`), textFormat: 'markdown' };
      await sendWithRetry(() => options.port.continueConversation(ref, async (turn) => void (await turn.send(activity))), options.retry);
    },
  };
}
