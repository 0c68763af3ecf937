/**
 * Removes every sentence that tells the reader to use a VPN, tunnel, proxy or the like
 * from a summary (extractive or from a model), and renumbers the citations of what is
 * left. Used wherever a destination's VPN status is not "allowed": content:check keeps
 * such sentences out of the files, this keeps them out of whatever a model writes.
 */
import { givesVpnAdvice } from '../content/vpn-advice.js';
import type { Summary } from './answer.js';

export function dropVpnAdvice(summary: Summary): Summary | null {
  const kept = summary.sentences.filter((s) => !givesVpnAdvice(s.text));
  if (kept.length === summary.sentences.length) return summary;
  if (!kept.length) return null;
  const order: number[] = [];
  const sentences = kept.map((s) => ({
    ...s,
    citations: s.citations.map((n) => {
      if (!order.includes(n)) order.push(n);
      return order.indexOf(n) + 1;
    }),
  }));
  return {
    ...summary,
    text: sentences.map((s) => s.text).join(' '),
    citations: order.map((n) => summary.citations[n - 1]!).filter(Boolean),
    sentences,
  };
}
