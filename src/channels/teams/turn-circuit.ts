/**
 * The outbound budget of one inbound activity. A turn calls the Bot Connector a few
 * times (a roster lookup, a typing indicator, the reply); if one of those calls fails,
 * the service is down or is not a Bot Connector at all, so the rest of the turn sends
 * nothing: no error reply after a failed reply, no apology after that. Together with
 * the port removing the SDK's own retries, nothing is ever retried within a turn: a turn
 * of this bot makes at most three requests (a roster lookup, a typing indicator or card update, the
 * reply), and after a failed send, or any answer of 429 or 5xx, none more. A failing host
 * therefore gets at most two requests per inbound activity, and one when it answers 429
 * or 5xx.
 * SDK-free, so a move to the Teams SDK keeps it.
 */
import { AdvisorError } from '../../errors.js';
import { statusOf } from './send-with-retry.js';

/** Raised instead of calling a connector that already failed in this turn; nothing was sent. */
export class ConnectorCircuitOpenError extends AdvisorError {
  constructor() {
    super('The Teams connector failed earlier in this turn; not calling it again', 'DELIVERY_FAILED');
  }
}

export interface TurnCircuit {
  /**
   * Runs one outbound call unless an earlier one failed. `answers(status)`: failures
   * that are an answer rather than an outage (a roster lookup's 404 "not a member") and
   * leave the circuit closed.
   */
  call<T>(fn: () => Promise<T>, options?: { answers?: (status: number | null) => boolean }): Promise<T>;
  /** True once a call failed: the turn must send nothing more. */
  readonly open: boolean;
}

/**
 * How a roster lookup may fail without opening the circuit: anything but 429 or a 5xx
 * (a 404 "not a member", or no roster at all, as in the Emulator).
 */
export const isRosterAnswer = (status: number | null): boolean => status === null || (status < 500 && status !== 429);

/** How a card update may fail without opening it: a 4xx other than 429 (the card is gone or too old). */
export const isUpdateAnswer = (status: number | null): boolean => status !== null && status < 500 && status !== 429;

export function createTurnCircuit(): TurnCircuit {
  let open = false;
  return {
    get open() {
      return open;
    },
    async call(fn, options = {}) {
      if (open) throw new ConnectorCircuitOpenError();
      try {
        return await fn();
      } catch (error) {
        if (!options.answers?.(statusOf(error))) open = true;
        throw error;
      }
    },
  };
}
