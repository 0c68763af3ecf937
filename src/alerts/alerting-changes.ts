/**
 * Which differences between the content last seen and the content served now matter
 * to a traveller: a level (up or down), a coverage tier, the VPN or encryption law
 * status, or a key action that was not one before. A floor that became firm, a
 * reworded item or a key action dropped are not worth a message. Pure; shared by the
 * alert pass and content:diff's impact count. MUST stay in sync with docs/alerts.md.
 */
import type { AlertChange, DestinationFingerprint } from './types.js';

/** The changes from `from` to `to` a traveller must hear about, in the order a message says them. */
export function alertingChanges(from: DestinationFingerprint, to: DestinationFingerprint): AlertChange[] {
  const out: AlertChange[] = [];
  if (from.level !== to.level)
    out.push({ kind: 'level', from: { level: from.level, label: from.label, floor: from.floor }, to: { level: to.level, label: to.label, floor: to.floor } });
  if (from.tier !== to.tier) out.push({ kind: 'tier', from: from.tier, to: to.tier });
  if (from.vpn !== to.vpn) out.push({ kind: 'vpn', from: from.vpn, to: to.vpn });
  if (from.encryption !== to.encryption) out.push({ kind: 'encryption', from: from.encryption, to: to.encryption });
  const added = to.keyActions.filter((id) => !from.keyActions.includes(id));
  if (added.length) out.push({ kind: 'key-actions', added });
  return out;
}

/** One destination whose change matters: what was last seen, what is served now, and the changes. */
export interface Transition {
  code: string;
  from: DestinationFingerprint;
  to: DestinationFingerprint;
  changes: AlertChange[];
}

/**
 * Destinations whose fingerprint moved in a way that matters. Codes new to `to` (a
 * destination seen for the first time) and codes gone from it alert nobody.
 */
export function transitionsBetween(from: Record<string, DestinationFingerprint>, to: Record<string, DestinationFingerprint>): Transition[] {
  const out: Transition[] = [];
  for (const code of Object.keys(to).sort()) {
    const before = from[code];
    if (!before) continue;
    const changes = alertingChanges(before, to[code]!);
    if (changes.length) out.push({ code, from: before, to: to[code]!, changes });
  }
  return out;
}

/** "KZ level 3→4", "UZ vpn unknown→banned", "KZ new key actions: a, b": codes and statuses only, for records and logs. */
export function changeTags(code: string, changes: AlertChange[]): string[] {
  return changes.map((c) =>
    c.kind === 'level' ? `${code} level ${c.from.level}→${c.to.level}`
    : c.kind === 'key-actions' ? `${code} new key actions: ${c.added.join(', ')}`
    : `${code} ${c.kind} ${c.from}→${c.to}`,
  );
}
