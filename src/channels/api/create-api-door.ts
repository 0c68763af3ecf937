/** PLACEHOLDER: the Api door is built in its own issue; returns null (door off) until then. */
import type { AppContext } from '../../app/app-context.js';
import type { Door } from '../../server/types.js';

export function createApiDoor(_ctx: AppContext): Door | null {
  return null;
}
