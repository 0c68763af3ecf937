/**
 * OPENAI_HEADERS: extra headers for every model request, for an API gateway in front of
 * the model (Azure API Management's `Ocp-Apim-Subscription-Key`, a tenant or routing
 * header). Given as a JSON object (`{"X-Gateway-Key":"…"}`, one line, fits any .env
 * file) or as `Name: value` lines, the format the openai SDK itself uses. Checked at
 * start-up: header names must be HTTP tokens, values one line of visible text, and the
 * headers the HTTP client or the proxy settings own are refused. Values can be secrets:
 * no message here ever quotes one.
 */

/** Headers fetch, the SDK or HTTPS_PROXY set themselves; setting them here would break the request or hide the proxy's. */
const RESERVED = new Set(['host', 'content-length', 'content-type', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'proxy-authorization']);
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Visible ASCII and Latin-1, spaces and tabs inside: no CR, LF or other control characters (header injection).
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** The headers, or one problem (without any value in it) saying what to fix. */
export function parseModelHeaders(text: string): { headers: Record<string, string> } | { problem: string } {
  const trimmed = text.trim();
  let pairs: Array<[string, unknown]>;
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { problem: 'a JSON object such as {"X-Gateway-Key":"…"} (this one is not valid JSON)' };
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { problem: 'a JSON object of header names to string values' };
    pairs = Object.entries(parsed);
  } else {
    pairs = [];
    for (const [i, line] of trimmed.split(/\r?\n/).entries()) {
      if (!line.trim()) continue;
      const colon = line.indexOf(':');
      if (colon <= 0) return { problem: `"Name: value" lines or a JSON object; line ${i + 1} has no "Name:"` };
      pairs.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, value] of pairs) {
    if (!TOKEN.test(name)) return { problem: `header names made of letters, digits and !#$%&'*+-.^_\`|~ (one is not: ${JSON.stringify(name.slice(0, 40))})` };
    const lower = name.toLowerCase();
    if (RESERVED.has(lower)) return { problem: `headers other than ${name}, which the HTTP client${lower === 'proxy-authorization' ? ' sends from the credentials in HTTPS_PROXY' : ' sets itself'}` };
    if (seen.has(lower)) return { problem: `each header once (${name} is given twice)` };
    if (typeof value !== 'string' || !value || !VALUE.test(value)) return { problem: `a non-empty, one-line text value for ${name}` };
    seen.add(lower);
    headers[name] = value;
  }
  if (!seen.size) return { problem: 'at least one header' };
  return { headers };
}
