/**
 * Which host names and bind addresses only this machine can reach. Config uses it to
 * decide whether the playground may be on by default (only on a loopback bind); the
 * playground's guard used it for Host names before PLAYGROUND_HOSTS existed.
 */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for addresses only this machine can reach: localhost, 127.0.0.0/8, ::1, *.localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return LOOPBACK_NAMES.has(h) || /^127\.\d+\.\d+\.\d+$/.test(h) || h.endsWith('.localhost');
}
