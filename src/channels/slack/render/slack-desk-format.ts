/**
 * How the travel desk's report and trip list (src/reminders/render-desk-report.ts) are
 * written for Slack: every stored string mrkdwn-escaped, so an email such as
 * `a&b@example.com` or a failure reason such as `<!channel>` shows as typed and never
 * acts as markup; a Slack user as a `<@U…>` mention, only when the id is a Slack user id;
 * emphasis and commands in mrkdwn.
 */
import type { DeskTextFormat } from '../../../reminders/render-desk-report.js';
import { escapeMrkdwn } from './mrkdwn.js';

const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;

export const SLACK_DESK_FORMAT: DeskTextFormat = {
  escape: escapeMrkdwn,
  user: (platform, userId) => (platform === 'slack' && SLACK_USER_ID.test(userId) ? `<@${userId}>` : escapeMrkdwn(`${platform} user ${userId}`)),
  bold: (text) => `*${text}*`,
  code: (text) => `\`${text}\``,
};
