/**
 * Our own seam between the Teams door and the SDK that speaks the Bot Connector
 * protocol. The bot logic only sees `TeamsTurn` and `TeamsPort`; today
 * `createBotbuilderPort` implements them with botbuilder's CloudAdapter, and a move to
 * Microsoft's Teams SDK (@microsoft/teams.apps) replaces that one file. Activities are
 * plain Bot Framework JSON, which both SDKs put on the wire unchanged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface TeamsAccount {
  id: string;
  name?: string;
  /** Entra ID object id: stable across conversations, the key we store users under. */
  aadObjectId?: string;
}

/** The fields of an inbound Bot Framework activity the door reads. */
export interface TeamsInbound {
  type: string;
  id?: string;
  name?: string;
  text?: string;
  value?: unknown;
  action?: string;
  replyToId?: string;
  locale?: string;
  localTimezone?: string;
  serviceUrl?: string;
  from: TeamsAccount;
  recipient: TeamsAccount;
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  membersAdded?: TeamsAccount[];
  entities?: Array<Record<string, unknown>>;
  channelData?: { tenant?: { id?: string }; team?: { id?: string }; channel?: { id?: string } } & Record<string, unknown>;
}

/** An outbound activity: plain Bot Framework JSON (message, typing, invokeResponse…). */
export type TeamsOutbound = { type: string } & Record<string, unknown>;

/** A stored, JSON-serialisable conversation reference (Bot Framework's ConversationReference). */
export type TeamsConversationRef = Record<string, unknown> & { conversation: { id: string; tenantId?: string }; serviceUrl: string };

/** One turn of the conversation: what came in, and how to answer within it. */
export interface TeamsTurn {
  activity: TeamsInbound;
  /**
   * True when the activity carried a Bot Framework token the SDK validated (MICROSOFT_APP_ID
   * set): only then do its ids and channelData come from Microsoft rather than from whoever
   * posted it. Never true in local mode. Travel-desk commands require it.
   */
  authenticated: boolean;
  /** Sends into the conversation (replying to the inbound activity, so channel replies stay in the thread). */
  send(activity: TeamsOutbound): Promise<string | undefined>;
  /** Replaces a message the bot sent before (e.g. a card after a button press). */
  update(activity: TeamsOutbound & { id: string }): Promise<void>;
  /** Answers an `invoke` activity (feedback, Action.Execute) with an HTTP status and body. */
  invokeResponse(status: number, body?: unknown): Promise<void>;
  /** The reference to continue this conversation later (proactive messages). */
  reference(): TeamsConversationRef;
  /** The sender's email from the conversation roster, or null when Teams does not give one. */
  senderEmail(): Promise<string | null>;
  /** Whether the sender is a member of the given Teams team (travel-desk commands check this). */
  senderInTeam(teamId: string): Promise<boolean>;
}

export interface TeamsPort {
  /** Handles `POST /api/messages`: authenticates (when an app id is set), runs one turn, answers HTTP. */
  handle(req: IncomingMessage, res: ServerResponse, logic: (turn: TeamsTurn) => Promise<void>): Promise<void>;
  /**
   * Re-opens a stored conversation to send into it (reminders, the answer worker); rejects with
   * the send's error. `replyToId`: sends reply to that message, as a turn's own replies do.
   */
  continueConversation(ref: TeamsConversationRef, logic: (turn: TeamsTurn) => Promise<void>, options?: { replyToId?: string }): Promise<void>;
}
