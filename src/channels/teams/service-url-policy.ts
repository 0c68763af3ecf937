/**
 * Which `serviceUrl`s the Teams door may call. An activity's `serviceUrl` is where the
 * bot sends its replies, typing indicators and roster lookups (with a Bot Framework
 * token once MICROSOFT_APP_ID is set); a stored conversation reference carries one too,
 * for reminders. Anything outside TEAMS_SERVICE_URL_HOSTS is never called: that turns
 * "any caller names a URL and the server requests it" (SSRF, token leak, amplification)
 * into a refusal. Microsoft hosts must be HTTPS on the default port; a loopback host
 * (local mode, the tests' connector double) may be plain HTTP on any port.
 */
import { AdvisorError } from '../../errors.js';
import { isLoopbackHost } from '../../server/loopback.js';

/** A connector call to a service URL outside TEAMS_SERVICE_URL_HOSTS was stopped before any request. */
export class ServiceUrlRefusedError extends AdvisorError {
  readonly host: string;
  constructor(host: string) {
    super(`Refused to call the Teams service URL host "${host}": it is not in TEAMS_SERVICE_URL_HOSTS`, 'FORBIDDEN');
    this.host = host;
  }
}

export interface ServiceUrlPolicy {
  /** True when the door may send requests to this service URL. */
  allows(serviceUrl: unknown): boolean;
  /** The host of a URL (or "invalid"), for logs: never the path, which may carry ids. */
  hostOf(serviceUrl: unknown): string;
}

function parse(serviceUrl: unknown): URL | null {
  if (typeof serviceUrl !== 'string' || serviceUrl.length > 2048) return null;
  try {
    return new URL(serviceUrl);
  } catch {
    return null;
  }
}

/** `hosts`: exact host names, `*.suffix` for subdomains, `[::1]` for IPv6 (config.teamsServiceUrlHosts). */
export function createServiceUrlPolicy(hosts: readonly string[]): ServiceUrlPolicy {
  const exact = new Set(hosts.filter((h) => !h.startsWith('*.')).map((h) => h.toLowerCase()));
  const suffixes = hosts.filter((h) => h.startsWith('*.')).map((h) => h.slice(1).toLowerCase());
  const listed = (host: string) => exact.has(host) || suffixes.some((s) => host.endsWith(s) && host.length > s.length);
  return {
    allows(serviceUrl) {
      const url = parse(serviceUrl);
      if (!url || url.username || url.password) return false;
      const host = url.hostname.toLowerCase();
      if (!listed(host)) return false;
      if (isLoopbackHost(host)) return url.protocol === 'http:' || url.protocol === 'https:';
      return url.protocol === 'https:' && url.port === '';
    },
    hostOf(serviceUrl) {
      return parse(serviceUrl)?.host.slice(0, 255) ?? 'invalid';
    },
  };
}
