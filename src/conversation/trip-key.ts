/**
 * The one set of idempotency keys for trips a traveller plans for themselves, however
 * they ask: the "Remind me before I go" button (Slack, Teams, the playground) and a typed
 * "remind me …" (every door). The same person, destinations and departure are the same
 * trip: pressing the button under the answer to "remind me before my Almaty trip on Dec 8"
 * plans nothing new, nor does pressing it twice, in any door, on any replica.
 */
import type { TurnUser } from './types.js';

/** `trip:<platform>:<user>:<destinations in order>:<start>`. */
export function tripKey(user: Pick<TurnUser, 'platform' | 'userId'>, destinations: string[], start: string): string {
  return `trip:${user.platform}:${user.userId}:${destinations.join('+')}:${start}`;
}

/** Who planned a trip for themselves: `<platform>:<user>`. */
export function plannedBy(user: Pick<TurnUser, 'platform' | 'userId'>): string {
  return `${user.platform}:${user.userId}`;
}
