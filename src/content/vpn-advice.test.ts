/**
 * Proves the VPN-advice detector catches sentences that tell a reader to use a VPN,
 * tunnel, proxy, Tor or the like (the two sentences that slipped through before are
 * the first cases), and leaves facts about the law and advice NOT to use one alone.
 */
import { describe, expect, it } from 'vitest';
import { givesVpnAdvice } from './vpn-advice.js';

const advice = [
  'Use the company VPN for all work traffic while in Turkmenistan.',
  "Route all traffic through the company's WireGuard tunnel",
  'On hotel and public networks, reach company systems through the company VPN.',
  'Connect to company systems only through the company VPN.',
  'You should use Tor to reach blocked sites.',
  'Insikt Group advises companies to use encryption and VPNs as far as local law allows.',
  'Use end-to-end encrypted apps, and a company VPN only where it is lawful.',
  'Turn off Wi-Fi and connect through a proxy.',
  'Travellers can rely on Psiphon when sites are blocked.',
  'Always connect via the corporate VPN.',
  'We recommend using the company VPN.',
  'Do not use public Wi-Fi; use the company VPN.',
  'Avoid public Wi-Fi, but use the company VPN at the hotel.',
];

const notAdvice = [
  'VPNs are reportedly banned since 2015.',
  'Users caught using VPNs face administrative penalties.',
  'Do not install or use a VPN, including the company VPN.',
  'If a site or company service is blocked, do not turn to a VPN, proxy or Tor to get round it; contact the security team from a permitted channel instead.',
  'VPNs are banned here, so do not install, set up or use a VPN, including the company VPN.',
  'VPNs are banned here, so do not install, carry or use a VPN app; agree with the security team how to reach company systems.',
  'Since 2017 VPN providers must block sites banned in Russia.',
  'Mass VPN use began around September 2018 after Facebook became unreachable.',
  'The state-run operator blocks VPN protocols.',
  'Never use a VPN here.',
  'VPNs are banned and access to blocked sites is punished.',
  'At the time, using an anonymiser to reach sites that were not banned was not itself prohibited.',
  'Roskomnadzor began blocking material that promotes ways around blocks, including VPN advertising.',
];

describe('givesVpnAdvice', () => {
  it.each(advice)('flags advice to use one: %s', (s) => expect(givesVpnAdvice(s)).toBe(true));
  it.each(notAdvice)('leaves facts and advice against alone: %s', (s) => expect(givesVpnAdvice(s)).toBe(false));
  it('ignores sentences with no VPN-like word at all', () => {
    expect(givesVpnAdvice('Use end-to-end encrypted apps for sensitive calls.')).toBe(false);
  });
});
