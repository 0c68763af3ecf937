/**
 * The Teams bot driven by botbuilder's TestAdapter (no HTTP): answers with a typing
 * indicator then the Answer card, strips mentions, lets extension handlers answer
 * first, turns card buttons into reminder-service calls and card updates (and "Why
 * this level" on a too-large card into follow-up cards), records
 * 👍/👎 feedback, replies to input errors with their message, and ignores submits
 * that are not ours. Reminders are a small recording object passed in.
 */
import { createConversation } from '../../conversation/create-conversation.js';
import { createThreadMemory } from '../../conversation/thread-memory.js';
import Keyv from 'keyv';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAdvisor } from '../../app/build-advisor.js';
import type { Advisor } from '../../advisor/create-advisor.js';
import { loadConfig } from '../../config.js';
import { silentLogger } from '../../logger.js';
import type { NewTrip, ReminderService, TripView } from '../../reminders/types.js';
import { turnFromContext } from './create-botbuilder-port.js';
import { activityClaimKey, createTeamsBot, type TeamsMessageHandler } from './create-teams-bot.js';
import { createTeamsUserStore } from './teams-user-store.js';
import { createCardViews } from './card-views.js';
import { detailsActivities } from './render/details-activities.js';
import { createFeedbackStore } from '../../feedback/create-feedback-store.js';
import type { FeedbackRecord } from '../../feedback/feedback-record.js';
import { createTeamsFeedback } from './teams-feedback.js';

const NOW = new Date('2026-11-23T09:00:00Z');
let advisor: Advisor;
beforeAll(() => {
  advisor = buildAdvisor(loadConfig({}), { clock: () => NOW });
});

function recordingReminders(ackResult: TripView | null = null) {
  const calls: Array<{ method: string; input: unknown }> = [];
  const service = {
    async createTrip(t: NewTrip): Promise<TripView> {
      calls.push({ method: 'createTrip', input: t });
      return { ...t, id: 'trip-1', acknowledgedAt: null, reminders: [{ id: 'r1', kind: 'briefing', dueAt: '2026-11-23T09:00:00.000Z', status: 'scheduled' }] };
    },
    async acknowledge(input: unknown) {
      calls.push({ method: 'acknowledge', input });
      return ackResult;
    },
    async snooze(input: unknown) {
      calls.push({ method: 'snooze', input });
      return ackResult;
    },
  } as unknown as ReminderService;
  return { service, calls };
}

function setup(options: { handlers?: TeamsMessageHandler[]; ack?: TripView | null; conversationType?: string } = {}) {
  const reminders = recordingReminders(options.ack ?? null);
  const votes = new Keyv<FeedbackRecord>();
  const feedback = createTeamsFeedback({
    feedback: createFeedbackStore({ votes, secrets: new Keyv<string>(), ttlMs: 60_000, clock: () => NOW }),
    sentAnswers: new Keyv(),
    ttlMs: 60_000,
    logger: silentLogger,
  });
  const bot = createTeamsBot({
    advisor,
    conversation: createConversation({ advisor, reminders: reminders.service, memory: createThreadMemory(new Keyv(), 60_000), clock: () => NOW, modelSummaries: false }),
    copy: (instant) => ({ instant, places: (codes) => codes.join(', '), contact: 'the security team' }),
    users: createTeamsUserStore(new Keyv()),
    welcomed: new Keyv(),
    seen: new Keyv(),
    feedback,
    clock: () => NOW,
    timeZone: 'UTC',
    logger: silentLogger,
    messageHandlers: options.handlers,
    views: createCardViews(new Keyv(), 60_000),
  });
  const adapter = new TestAdapter(async (context) => bot.run(turnFromContext(context)), {
    channelId: 'msteams',
    from: { id: '29:u1', name: 'Ada', aadObjectId: 'aad-1' } as Activity['from'],
    conversation: { id: 'a:conv', conversationType: options.conversationType ?? 'personal', tenantId: 't1' } as Activity['conversation'],
  });
  return { adapter, reminders, votes };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const card = (a: Partial<Activity>): any => a.attachments?.[0]?.content;
const cardText = (a: Partial<Activity>) => JSON.stringify(card(a));
// TestAdapter's send() resolves only once the bot's turn has finished (it awaits the
// handler, which awaits every reply), so anything the bot would say is already queued:
// look once instead of botbuilder's default 3 s of waiting for silence.
const AFTER_THE_TURN_MS = 1;

describe('activityClaimKey', () => {
  it('names the activity within its conversation: ids repeat across conversations, never within one', () => {
    const key = activityClaimKey({ id: '1700000000001', conversation: { id: 'a:one' } });
    expect(key).toBe('a:one|1700000000001');
    expect(activityClaimKey({ id: '1700000000001', conversation: { id: 'a:two' } })).not.toBe(key);
    expect(activityClaimKey({ id: '1700000000002', conversation: { id: 'a:one' } })).not.toBe(key);
  });

  it('has no key for an activity without an id (nothing to de-duplicate on)', () => {
    expect(activityClaimKey({ conversation: { id: 'a:one' } })).toBeNull();
  });
});

describe('Teams bot (TestAdapter)', () => {
  it('shows a typing indicator, then answers with the Answer card', async () => {
    const { adapter } = setup();
    await adapter
      .send('travelling to Kyrgyzstan next week')
      .assertReply((a) => expect(a.type).toBe(ActivityTypes.Typing))
      .assertReply((a) => {
        expect(card(a).version).toBe('1.5');
        expect(cardText(a)).toMatch(/Surveillance risk: (at least high \(level 3 of 4\)|level 3 of 4, high)/);
        expect(a.text).toContain('Kyrgyzstan');
      });
  });

  it('strips the <at> mention before anyone reads the text, and consults extension handlers first', async () => {
    const seen: string[] = [];
    const desk: TeamsMessageHandler = async ({ text, turn, userId }) => {
      seen.push(text);
      if (!text.startsWith('desk ')) return false;
      await turn.send({ type: 'message', text: `desk command for ${userId}` });
      return true;
    };
    const { adapter } = setup({ handlers: [desk] });
    await adapter
      .send('<at>Travel advisor</at>&nbsp;desk report')
      .assertReply((a) => expect(a.text).toBe('desk command for aad-1'))
      .send('<at>Travel advisor</at> what is SORM?')
      .assertReply((a) => expect(a.type).toBe(ActivityTypes.Typing))
      .assertReply((a) => expect(a.attachments).toHaveLength(1));
    expect(seen).toEqual(['desk report', 'what is SORM?']);
  });

  it('"Remind me before I go" creates a trip from the button data and confirms', async () => {
    const { adapter, reminders } = setup();
    const value = { ta: 'remind', countries: ['KG'], start: '2026-11-30', end: null };
    await adapter
      .send({ type: 'message', value, replyToId: 'card-1' } as Partial<Activity>)
      .assertReply((a) => expect(a.text).toBe('Trip to KG from 2026-11-30 saved. I will remind you: pre-trip briefing 2026-11-23 09:00 UTC.'));
    expect(reminders.calls).toEqual([
      {
        method: 'createTrip',
        input: expect.objectContaining({
          traveller: { platform: 'teams', userId: 'aad-1' },
          destinations: ['KG'],
          start: '2026-11-30',
          end: null,
          source: 'button',
          createdBy: 'teams:aad-1',
        }),
      },
    ]);
  });

  it('pressing "Remind me" in a channel, with no personal chat yet, says where reminders will arrive', async () => {
    const { adapter } = setup({ conversationType: 'channel' });
    await adapter
      .send({ type: 'message', value: { ta: 'remind', countries: ['KG'], start: '2026-11-30', end: null } } as Partial<Activity>)
      .assertReply((a) => expect(a.text).toMatch(/Reminders arrive in your personal chat with me: open it once/));
  });

  it('"I\'ve done the checklist" acknowledges the trip and says so; with no trip it says how to get reminders', async () => {
    const trip = { id: 'trip-9', destinations: ['KZ'], start: '2026-12-01', acknowledgedAt: '2026-11-23T09:00:00.000Z' } as TripView;
    const withTrip = setup({ ack: trip });
    await withTrip.adapter
      .send({ type: 'message', value: { ta: 'ack', tripId: 'trip-9', reminderId: 'r2' } } as Partial<Activity>)
      .assertReply((a) => expect(a.text).toBe('Thanks, noted that you have done the checklist for your trip to KZ (2026-12-01).'));
    expect(withTrip.reminders.calls).toEqual([
      { method: 'acknowledge', input: { tripId: 'trip-9', reminderId: 'r2', traveller: { platform: 'teams', userId: 'aad-1', otherIds: ['29:u1'] } } },
    ]);
    const without = setup({ ack: null });
    await without.adapter
      .send({ type: 'message', value: { ta: 'ack', countries: ['KG'] } } as Partial<Activity>)
      .assertReply((a) => expect(a.text).toMatch(/You have no planned trip to record it on/));
  });

  it('"Snooze" asks the reminders service to deliver again after the snooze period, as the sender', async () => {
    const { adapter, reminders } = setup({ ack: { id: 'trip-1' } as TripView });
    await adapter
      .send({ type: 'message', value: { ta: 'snooze', tripId: 'trip-1', reminderId: 'r1', hours: 24 } } as Partial<Activity>)
      .assertReply((a) => expect(a.text).toBe('Snoozed until 2026-11-24 09:00 UTC.'));
    expect(reminders.calls[0]).toEqual({
      method: 'snooze',
      input: { tripId: 'trip-1', reminderId: 'r1', until: new Date('2026-11-24T09:00:00Z'), traveller: { platform: 'teams', userId: 'aad-1', otherIds: ['29:u1'] } },
    });
  });

  it('"Why this level" on a card too large to hold it sends every destination\'s basis as follow-up cards', async () => {
    const { adapter, reminders } = setup();
    const countries = ['RU', 'BY', 'KZ', 'KG', 'UZ', 'TJ', 'TM', 'AZ', 'AM', 'CN', 'IR', 'MN', 'MC'];
    const expected = detailsActivities('why', await advisor.answerForCountries(countries, { summary: false }));
    expect(expected.length).toBeGreaterThan(1);
    const shown: string[] = [];
    let flow = adapter.send({ type: 'message', value: { ta: 'details', kind: 'why', countries } } as Partial<Activity>);
    for (let i = 0; i < expected.length; i++) flow = flow.assertReply((a) => void shown.push(cardText(a)));
    await flow.send({ type: 'message', value: { ta: 'details', kind: 'checklist', countries: ['ZZ'] } } as Partial<Activity>).assertReply((a) => expect(a.text).toMatch(/no longer works/));
    const all = shown.join('\n');
    for (const name of ['Russia', 'Belarus', 'Kazakhstan', 'Kyrgyzstan', 'Uzbekistan', 'Tajikistan', 'Turkmenistan', 'Azerbaijan', 'Armenia', 'China', 'Iran', 'Mongolia', 'Monaco'])
      expect(all).toContain(`"text":"${name}: `);
    expect(all).toContain(`Part ${expected.length} of ${expected.length}`);
    expect(reminders.calls).toEqual([]);
  });

  it('records 👍/👎 feedback on a message (the reaction, not the comment, and not who voted)', async () => {
    const { adapter, votes } = setup();
    await adapter.send({
      type: 'invoke',
      name: 'message/submitAction',
      replyToId: 'answer-7',
      value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: '{"feedbackText":"private words"}' } },
    } as Partial<Activity>);
    const stored: Array<[string, unknown]> = [];
    for await (const entry of votes.iterator!(undefined)) stored.push(entry as [string, unknown]);
    expect(stored).toHaveLength(1);
    expect(stored[0]![1]).toMatchObject({ platform: 'teams', rating: 'negative', summaryMethod: 'unknown', destinations: [], at: NOW.toISOString() });
    expect(JSON.stringify(stored)).not.toMatch(/private words|aad-1|29:u1|answer-7/);
  });

  it('answers a redelivered message (same id) only once', async () => {
    const { adapter } = setup();
    const message = { type: 'message', id: 'dup-1', text: 'help' } as Partial<Activity>;
    await adapter
      .send(message)
      .assertReply((a) => expect(a.type).toBe(ActivityTypes.Typing))
      .assertReply((a) => expect(a.text).toMatch(/Tell me where you are going/))
      .send(message)
      .assertNoReply('a second answer to the redelivered message', AFTER_THE_TURN_MS);
  });

  it('replies to a message that is too long with the limit, and ignores card submits that are not ours', async () => {
    const { adapter, reminders } = setup();
    await adapter
      .send('x'.repeat(5000))
      .assertReply((a) => expect(a.type).toBe(ActivityTypes.Typing))
      .assertReply((a) => expect(a.text).toMatch(/too long .* limit is 4000/))
      .send({ type: 'message', value: { somethingElse: true } } as Partial<Activity>)
      .assertNoReply('a reply to a card submit that is not ours', AFTER_THE_TURN_MS);
    expect(reminders.calls).toEqual([]);
  });
});
