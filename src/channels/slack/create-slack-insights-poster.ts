/**
 * Where the Slack door posts the weekly security-team insights: chat.postMessage to
 * INSIGHTS_SLACK_CHANNEL (the bot must be a member: `/invite @Travel Advisor` there;
 * `chat:write` is enough). Counts and content names only, mrkdwn-escaped as the desk
 * report is. The client rejects rate-limited calls rather than waiting, so a 429 or any
 * other refusal throws and the weekly job tries again later (src/insights/weekly-insights.ts).
 */
import type { webApi } from '@slack/bolt';
import { renderInsights } from '../../insights/render-insights.js';
import type { InsightsPoster } from '../../insights/weekly-insights.js';
import { SLACK_LIMITS } from './limits.js';
import { clamp, escapeMrkdwn } from './render/mrkdwn.js';
import { SLACK_DESK_FORMAT } from './render/slack-desk-format.js';

/** Metadata event type on the weekly post (its payload carries only the heading's week). */
export const INSIGHTS_METADATA_EVENT = 'travel_advisor_insights';

/** Registered by the Slack door; without INSIGHTS_SLACK_CHANNEL it has no target and the weekly job skips Slack. */
export function createSlackInsightsPoster(client: webApi.WebClient, channel: string | undefined): InsightsPoster {
  return {
    platform: 'slack',
    hasTarget: async () => Boolean(channel),
    async post(insights, heading) {
      if (!channel) throw new Error('INSIGHTS_SLACK_CHANNEL is not set');
      const text = renderInsights(insights, SLACK_DESK_FORMAT, `*${escapeMrkdwn(heading)}*`);
      await client.chat.postMessage({
        channel,
        text: clamp(text, SLACK_LIMITS.fallbackText),
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: INSIGHTS_METADATA_EVENT, event_payload: { from: insights.period.from, to: insights.period.to } },
      });
    },
  };
}
