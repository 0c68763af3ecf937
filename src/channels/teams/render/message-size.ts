/**
 * How Teams measures a bot message: the whole activity as JSON, encoded as UTF-16 (two
 * bytes per code unit; an emoji outside the BMP is four). Every renderer that builds an
 * activity picks the richest of its versions that fits TEAMS_LIMITS.recommendedMessageBytes
 * with fitActivity, whose last version must fit too: checked again, never assumed.
 */
import { MessageTooLargeError } from '../../../errors.js';
import type { TeamsOutbound } from '../teams-port.js';
import { TEAMS_LIMITS } from './limits.js';

/** The activity's size as Teams counts it. */
export function utf16Bytes(activity: unknown): number {
  return JSON.stringify(activity).length * 2;
}

/**
 * The first version, richest first, within `limit`. The last version is the smallest
 * the renderer can make; if even it is over the limit the message would be refused
 * (413), so this throws rather than send it.
 */
export function fitActivity(versions: Array<() => TeamsOutbound>, limit: number = TEAMS_LIMITS.recommendedMessageBytes): TeamsOutbound {
  let size = 0;
  for (const version of versions) {
    const activity = version();
    size = utf16Bytes(activity);
    if (size <= limit) return activity;
  }
  throw new MessageTooLargeError(size, limit);
}
