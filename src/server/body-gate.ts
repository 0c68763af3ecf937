/**
 * A counting gate for request bodies being received. Unauthenticated senders (Slack
 * before the signature check, Teams before the token check, the playground) could
 * otherwise make the server hold many bodies at once; with the gate, at most `max`
 * are in memory and the rest are refused at once (503), never queued.
 */
import type { IncomingMessage } from 'node:http';

export interface BodyGate {
  /** A release function, or null when `max` reads are already running. */
  tryEnter(): (() => void) | null;
  /** Reads running now (tests and diagnostics). */
  readonly active: number;
}

export function createBodyGate(max: number): BodyGate {
  let active = 0;
  return {
    tryEnter() {
      if (active >= max) return null;
      active += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        active -= 1;
      };
    },
    get active() {
      return active;
    },
  };
}

const gates = new WeakMap<IncomingMessage, BodyGate>();

/** The server lends its gate to each request, so `readBody` in any door uses the server's one. */
export function lendBodyGate(req: IncomingMessage, gate: BodyGate): void {
  gates.set(req, gate);
}

export function bodyGateOf(req: IncomingMessage): BodyGate | undefined {
  return gates.get(req);
}
