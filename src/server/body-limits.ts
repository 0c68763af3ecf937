/**
 * How many bytes each door may receive in one request, and how many requests may be
 * sending us a body at once. Platform limits are data: every route reads its body
 * through `readBody(req, limit)` with one of these, and the server refuses a declared
 * Content-Length over `MAX_REQUEST_BODY_BYTES` before any route runs.
 * MUST stay in sync with docs/security/http-edges.md ("Body caps").
 */

/**
 * Slack documents no inbound request size. A message is at most 40,000 characters
 * (Slack truncates longer ones) and an event carries it twice (text and rich_text
 * blocks); interactivity posts the whole message (our own, at most 50 blocks of 3,000
 * characters) form-encoded. 1 MiB is several times that. Bolt's own default is 4 MB.
 */
export const SLACK_BODY_LIMIT = 1024 * 1024;

/**
 * The Bot Framework connector refuses activities over 262,144 bytes
 * ("MessageSizeTooBig"), and Teams caps a message at about 100 KB; inbound activities
 * are smaller still. 256 KiB matches the connector's own ceiling.
 */
export const TEAMS_BODY_LIMIT = 256 * 1024;

/** One trip is a few hundred bytes; 64 KiB leaves room for long destination lists. */
export const API_BODY_LIMIT = 64 * 1024;

/** The playground's question (4,000 characters at most, JSON-escaped) and its small forms. */
export const PLAYGROUND_ASK_LIMIT = 64 * 1024;
export const PLAYGROUND_FORM_LIMIT = 16 * 1024;

/** The largest of the above: a declared Content-Length over this is 413 on any path. */
export const MAX_REQUEST_BODY_BYTES = Math.max(SLACK_BODY_LIMIT, TEAMS_BODY_LIMIT, API_BODY_LIMIT, PLAYGROUND_ASK_LIMIT, PLAYGROUND_FORM_LIMIT);

/**
 * Bodies being received at once, per server. Real Slack and Teams bodies arrive in
 * one packet and are read in well under a millisecond, so 16 is only reached by slow
 * or hostile senders; over it a request gets 503 with Retry-After (both platforms
 * retry). Worst case held in memory: 16 × 1 MiB.
 */
export const MAX_CONCURRENT_BODY_READS = 16;

/** A body not fully received in this time is 408: a slow sender cannot hold a read slot for long. */
export const BODY_READ_TIMEOUT_MS = 10_000;
