/**
 * A zod schema of the Slack app manifest fields we use, with the constraints Slack
 * documents (docs.slack.dev/reference/app-manifest; field types as in @slack/web-api's
 * `Manifest`): required keys, lengths, https URLs, and the rule that request URLs are
 * required unless Socket Mode is on. Unknown keys are rejected so a typo fails.
 */
import { z } from 'zod';

const https = z.url({ protocol: /^https$/ });
const scope = z.string().regex(/^(commands|incoming-webhook|none|[a-z_.]+:[a-z_.]+)$/, 'a Slack scope such as "chat:write"');
const prompt = z.strictObject({ title: z.string().min(1).max(75), message: z.string().min(1).max(2000) });

export const slackManifestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    _metadata: z.strictObject({ major_version: z.literal([1, 2]).optional(), minor_version: z.number().int().optional() }).optional(),
    display_information: z.strictObject({
      name: z.string().min(1).max(35),
      description: z.string().max(140).optional(),
      long_description: z.string().min(175).max(4000).optional(),
      background_color: z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/).optional(),
    }),
    features: z
      .strictObject({
        app_home: z
          .strictObject({
            home_tab_enabled: z.boolean().optional(),
            messages_tab_enabled: z.boolean().optional(),
            messages_tab_read_only_enabled: z.boolean().optional(),
          })
          .optional(),
        bot_user: z.strictObject({ display_name: z.string().min(1).max(80), always_online: z.boolean().optional() }).optional(),
        agent_view: z
          .strictObject({
            agent_description: z.string().max(300).optional(),
            suggested_prompts: z.array(prompt).max(4).optional(),
            actions: z.array(z.strictObject({ name: z.string(), description: z.string() })).optional(),
          })
          .optional(),
        assistant_view: z.strictObject({ assistant_description: z.string().max(300), suggested_prompts: z.array(prompt).max(4).optional() }).optional(),
        slash_commands: z
          .array(
            z.strictObject({
              command: z.string().regex(/^\/[a-z0-9_-]{1,31}$/),
              description: z.string().min(1).max(2000),
              url: https.optional(),
              usage_hint: z.string().max(1000).optional(),
              should_escape: z.boolean().optional(),
            }),
          )
          .max(50)
          .optional(),
        shortcuts: z.array(z.strictObject({ type: z.enum(['global', 'message']), name: z.string(), callback_id: z.string(), description: z.string() })).max(10).optional(),
        unfurl_domains: z.array(z.string()).max(5).optional(),
      })
      .optional(),
    oauth_config: z
      .strictObject({
        redirect_urls: z.array(https).optional(),
        scopes: z.strictObject({ bot: z.array(scope).max(255).optional(), user: z.array(scope).max(255).optional() }).optional(),
        token_management_enabled: z.boolean().optional(),
      })
      .optional(),
    settings: z
      .strictObject({
        allowed_ip_address_ranges: z.array(z.string()).optional(),
        event_subscriptions: z
          .strictObject({
            request_url: https.optional(),
            bot_events: z.array(z.string().regex(/^[a-z_]+(\.[a-z_]+)?$/)).max(100).optional(),
            user_events: z.array(z.string()).max(100).optional(),
          })
          .optional(),
        interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: https.optional(), message_menu_options_url: https.optional() }).optional(),
        org_deploy_enabled: z.boolean().optional(),
        socket_mode_enabled: z.boolean().optional(),
        token_rotation_enabled: z.boolean().optional(),
      })
      .optional(),
  })
  .superRefine((m, ctx) => {
    const socket = m.settings?.socket_mode_enabled === true;
    const needsBot = (m.settings?.event_subscriptions?.bot_events?.length ?? 0) > 0 || (m.features?.slash_commands?.length ?? 0) > 0;
    if (needsBot && !m.features?.bot_user) ctx.addIssue({ code: 'custom', path: ['features', 'bot_user'], message: 'bot events and slash commands need a bot user' });
    if (socket) return;
    if (m.settings?.event_subscriptions?.bot_events?.length && !m.settings.event_subscriptions.request_url)
      ctx.addIssue({ code: 'custom', path: ['settings', 'event_subscriptions', 'request_url'], message: 'required unless socket_mode_enabled' });
    if (m.settings?.interactivity?.is_enabled && !m.settings.interactivity.request_url)
      ctx.addIssue({ code: 'custom', path: ['settings', 'interactivity', 'request_url'], message: 'required unless socket_mode_enabled' });
    m.features?.slash_commands?.forEach((c, i) => {
      if (!c.url) ctx.addIssue({ code: 'custom', path: ['features', 'slash_commands', i, 'url'], message: 'required unless socket_mode_enabled' });
    });
  });

export type SlackManifest = z.infer<typeof slackManifestSchema>;

/**
 * The bot scope each Web API method we call needs (docs.slack.dev/reference/methods).
 * A method missing here fails the scope test: add it with its documented scope.
 */
export const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'views.publish': [],
  // "Full checklist" / "Why this level" modals, and their "Next page": no scope needed.
  'views.open': [],
  'views.update': [],
  'assistant.threads.setStatus': ['assistant:write'],
  'assistant.threads.setSuggestedPrompts': ['assistant:write'],
  'users.lookupByEmail': ['users:read', 'users:read.email'],
  // Each user's time zone (user.tz), for their relative dates and the times we show.
  'users.info': ['users:read'],
  // Reminder crash recovery: find the DM and look for the reminder's metadata.
  'conversations.open': ['im:write'],
  'conversations.history': ['im:history'],
  // /travel-desk membership: the desk user group, or the desk channel (public or private).
  'usergroups.users.list': ['usergroups:read'],
  'conversations.members': ['channels:read', 'groups:read'],
};

/** The bot scope each event subscription needs (docs.slack.dev/reference/events). */
export const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  app_home_opened: [],
};
