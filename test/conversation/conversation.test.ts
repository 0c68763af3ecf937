/**
 * The conversation service over the real advisor, content base and reminder service (a
 * SQLite store in a temp dir): a thread remembers its destinations and trip, so "what
 * about the VPN there?", "and Uzbekistan?", "remind me" and "what should I do after I'm
 * back?" work after "travelling to Kyrgyzstan next week"; "I've done the checklist" is
 * recorded on the trip the thread planned; a platform with no deliverer is told it cannot
 * get reminders; the thread keeps no message text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/conversation/create-conversation.js';
import { createThreadMemory } from '../../src/conversation/thread-memory.js';
import type { Turn } from '../../src/conversation/types.js';
import { createStore } from '../../src/store/create-store.js';
import { advisorFor, makeHarness, recordingDeliverer, type Harness } from '../reminders/reminders-harness.js';

let h: Harness;
afterEach(() => h?.close());

function setup(options: { deliverer?: boolean; modelSummaries?: boolean } = {}) {
  h = makeHarness();
  if (options.deliverer !== false) h.service.registerDeliverer(recordingDeliverer('chat'));
  const memoryStore = createStore(h.config, 'thread-memory-test');
  h.stores.push(memoryStore);
  const conversation = createConversation({
    advisor: advisorFor(h.config),
    reminders: h.service,
    memory: createThreadMemory(memoryStore, 3_600_000),
    clock: () => h.clock.now,
    modelSummaries: options.modelSummaries ?? false,
  });
  return { conversation, memoryStore };
}

const turn = (text: string, thread = 'thread-1', extra: Partial<Turn> = {}): Turn => ({
  text,
  thread: { key: thread },
  user: { platform: 'chat', userId: 'U1' },
  timeZone: 'UTC',
  ...extra,
});

describe('conversation service', () => {
  it('answers "what about the VPN there?" about the destination the thread named, with its VPN law', async () => {
    const { conversation } = setup();
    const first = await conversation.reply(turn('travelling to Kyrgyzstan next week'));
    expect(first.kind).toBe('advice');
    expect(first.answer?.destinations.map((d) => d.countryCode)).toEqual(['KG']);
    const vpn = await conversation.reply(turn('what about the VPN there?'));
    expect(vpn.kind).toBe('follow-up');
    expect(vpn.answer?.destinations.map((d) => d.countryCode)).toEqual(['KG']);
    expect(vpn.answer?.message).toMatch(/^VPN law in Kyrgyzstan: /);
    // Another thread knows nothing of it.
    const elsewhere = await conversation.reply(turn('what about the VPN there?', 'thread-2'));
    expect(elsewhere.answer?.destinations).toEqual([]);
  });

  it('"and Uzbekistan?" answers for Uzbekistan on the thread\'s dates', async () => {
    const { conversation } = setup();
    const first = await conversation.reply(turn('travelling to Kyrgyzstan next week'));
    const next = await conversation.reply(turn('and Uzbekistan?'));
    expect(next.answer?.destinations.map((d) => d.countryCode)).toEqual(['UZ']);
    expect(next.answer?.trip?.start).toBe(first.answer?.trip?.start);
  });

  it('"what should I do after I\'m back?" leads with the after-the-trip items', async () => {
    const { conversation } = setup();
    await conversation.reply(turn('travelling to Kyrgyzstan next week'));
    const after = await conversation.reply(turn("what should I do after I'm back?"));
    expect(after.answer?.destinations.map((d) => d.countryCode)).toEqual(['KG']);
    expect(after.answer?.keyActions[0]?.phase).toBe('after');
  });

  it('"remind me" plans the thread\'s trip, and "I\'ve done the checklist" records the acknowledgement on it', async () => {
    const { conversation } = setup();
    await conversation.reply(turn('travelling to Kyrgyzstan next week'));
    const remind = await conversation.reply(turn('remind me'));
    expect(remind.kind).toBe('remind');
    expect(remind.notice?.type).toBe('trip-planned');
    const trips = await h.service.listTrips({ traveller: { platform: 'chat', userId: 'U1' } });
    expect(trips.map((t) => t.destinations)).toEqual([['KG']]);
    // Asked again, the same trip: one key for the button and the message.
    await conversation.reply(turn('remind me'));
    expect(await h.service.listTrips({ traveller: { platform: 'chat', userId: 'U1' } })).toHaveLength(1);
    const done = await conversation.reply(turn("I've done the checklist"));
    expect(done).toMatchObject({ kind: 'acknowledge', answer: null, notice: { type: 'acknowledged', trip: { id: trips[0]!.id } } });
    expect((await h.service.getTrip(trips[0]!.id))?.acknowledgedAt).not.toBeNull();
  });

  it('"remind me before my Almaty trip on Dec 8" plans the trip from the message itself', async () => {
    const { conversation } = setup();
    const reply = await conversation.reply(turn('remind me before my Almaty trip on Dec 8'));
    expect(reply.notice).toMatchObject({ type: 'trip-planned', trip: { destinations: ['KZ'], start: '2026-12-08' } });
    expect(reply.answer?.destinations.map((d) => d.countryCode)).toEqual(['KZ']);
  });

  it('says plainly that reminders are unavailable where nothing can deliver them', async () => {
    const { conversation } = setup({ deliverer: false });
    const reply = await conversation.reply(turn('remind me before my Almaty trip on Dec 8'));
    expect(reply.notice).toEqual({ type: 'remind-unavailable' });
    expect(await h.service.listTrips()).toEqual([]);
  });

  it('answers an uncovered country as not assessed, never baseline', async () => {
    const { conversation } = setup();
    const reply = await conversation.reply(turn('travelling to Mongolia next month'));
    const mn = reply.answer?.destinations[0];
    expect(mn?.countryCode).toBe('MN');
    expect(mn?.coverage).not.toBe('assessed');
    expect(JSON.stringify(reply.answer)).not.toMatch(/normal habits/i);
  });

  it('tells the door to show "thinking" only when a model writes the answer', async () => {
    let thinking = 0;
    const onModelPath = async () => void thinking++;
    const fast = setup().conversation;
    await fast.reply(turn('travelling to Kyrgyzstan next week', 't', { onModelPath }));
    expect(thinking).toBe(0);
    await h.close();
    const slow = setup({ modelSummaries: true }).conversation;
    await slow.reply(turn("I've done the checklist", 't', { onModelPath }));
    expect(thinking).toBe(0);
    await slow.reply(turn('travelling to Kyrgyzstan next week', 't', { onModelPath }));
    expect(thinking).toBe(1);
  });

  it('keeps country codes and dates in the thread, never the message text', async () => {
    const { conversation, memoryStore } = setup();
    await conversation.reply(turn('travelling to Kyrgyzstan next week with my secret-project laptop'));
    const stored: unknown[] = [];
    for await (const [, value] of memoryStore.iterator!(undefined)) stored.push(value);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ destinations: ['KG'] });
    expect(JSON.stringify(stored)).not.toMatch(/secret|laptop|travelling|next week/);
  });
});
