/**
 * Break reminders as durable jobs, with the test's clock. The two-hour default plan has one break
 * from 10:47 to 11:07, so its heads-up is due at 10:42. The reminders follow the plan as it moves
 * (+5 minutes, an early `next`), old ones are dropped as stale, and a restart in between still
 * sends the reminder exactly once.
 */
import { compositeKey } from '../../bot/core/keys';
import { startApp, type RunningApp } from '../support/appHarness';
import { cardOf, startMeeting, type MeetingHarness } from '../support/meetingHarness';
import {
  at,
  buttonData,
  cardText,
  chatText,
  edits,
  expectNothingFacilitatorOnlyInChat,
  invokeCard,
  invokeMessage,
  latestFrameworkCard,
  posted,
  SESSION_KEY,
  setUpSession,
  storedPlan,
  timeMacro,
} from './frameworkKit';

const HEADS_UP = 'A break is coming up';
const BREAK_NOW = 'Time for a break';
const WELCOME_BACK = 'Welcome back';

let m: MeetingHarness;

beforeEach(async () => {
  m = await startMeeting();
  await setUpSession(m);
  await m.meetingEvent('start', { casing: 'camel' });
  await m.settle();
});

afterEach(async () => {
  await m.stop();
});

function reminderKey(which: 'headsUp' | 'breakNow' | 'welcomeBack', version: number, itemId = 'item-6'): string {
  return compositeKey('breakReminder', which, SESSION_KEY, `v${version}`, itemId);
}

async function settleAt(minutesAfterStart: number): Promise<void> {
  at(m, minutesAfterStart);
  await m.settle();
}

test('the heads-up, "break now" and "welcome back" each arrive at their moment, once', async () => {
  await settleAt(41);
  expect(posted(m, HEADS_UP)).toHaveLength(0);

  await settleAt(42);
  expect(posted(m, HEADS_UP)).toHaveLength(1);
  const headsUp = chatText(posted(m, HEADS_UP)[0]);
  expect(headsUp).toContain(`at ${timeMacro(47)}`);
  expect(headsUp).toContain('in about 5 minutes');

  await settleAt(47);
  expect(posted(m, BREAK_NOW)).toHaveLength(1);
  expect(chatText(posted(m, BREAK_NOW)[0])).toContain(`We will start again at ${timeMacro(67)}`);

  await settleAt(67);
  expect(posted(m, WELCOME_BACK)).toHaveLength(1);
  expect(chatText(posted(m, WELCOME_BACK)[0])).toContain('Next: Topic 2');

  await settleAt(90);
  expect(posted(m, HEADS_UP)).toHaveLength(1);
  expect(posted(m, BREAK_NOW)).toHaveLength(1);
  expect(posted(m, WELCOME_BACK)).toHaveLength(1);
  expectNothingFacilitatorOnlyInChat(m);
});

test('+5 minutes moves the reminder: nothing at the old time, the new one five minutes later', async () => {
  await settleAt(1);
  await m.say('fola', 'extend');
  await settleAt(42);
  expect(posted(m, HEADS_UP)).toHaveLength(0);
  const old = await m.running.app.jobs.jobs.find(reminderKey('headsUp', 1));
  expect(old).toMatchObject({ status: 'dropped', dropReason: 'stalePlan' });

  await settleAt(47);
  expect(posted(m, HEADS_UP)).toHaveLength(1);
  expect(chatText(posted(m, HEADS_UP)[0])).toContain(`at ${timeMacro(52)}`);
  expect(posted(m, BREAK_NOW)).toHaveLength(0);

  await settleAt(52);
  expect(posted(m, BREAK_NOW)).toHaveLength(1);
});

test('an early `next` moves the break earlier and the reminder follows', async () => {
  // Welcome ends three minutes early, so everything after it, the break too, comes three minutes sooner.
  await settleAt(2);
  await m.say('fola', 'next');
  await settleAt(38);
  expect(posted(m, HEADS_UP)).toHaveLength(0);

  await settleAt(39);
  expect(posted(m, HEADS_UP)).toHaveLength(1);
  expect(chatText(posted(m, HEADS_UP)[0])).toContain(`at ${timeMacro(44)}`);

  await settleAt(42);
  expect(posted(m, HEADS_UP)).toHaveLength(1);
  await settleAt(44);
  expect(posted(m, BREAK_NOW)).toHaveLength(1);
});

test('a reminder that comes too late is dropped with its reason, not sent', async () => {
  // Nothing ran the jobs between 10:00 and 10:50: the heads-up would now be wrong.
  await settleAt(50);
  expect(posted(m, HEADS_UP)).toHaveLength(0);
  expect(posted(m, BREAK_NOW)).toHaveLength(0);
  expect(await m.running.app.jobs.jobs.find(reminderKey('headsUp', 1))).toMatchObject({ status: 'dropped', dropReason: 'tooLate' });
  expect(await m.running.app.jobs.jobs.find(reminderKey('breakNow', 1))).toMatchObject({ status: 'dropped', dropReason: 'tooLate' });
  // "Welcome back" is still ahead, so it still comes.
  await settleAt(67);
  expect(posted(m, WELCOME_BACK)).toHaveLength(1);
});

test('the meeting ending cancels the reminders still to come', async () => {
  await settleAt(30);
  await m.meetingEvent('end', { casing: 'pascal' });
  await settleAt(42);
  await settleAt(47);
  expect(posted(m, HEADS_UP)).toHaveLength(0);
  expect(posted(m, BREAK_NOW)).toHaveLength(0);
});

test('a start event after the end plans the reminders again, and does not post the card twice', async () => {
  await settleAt(30);
  await m.meetingEvent('end');
  await settleAt(31);
  await m.meetingEvent('start', { casing: 'pascal' });
  await settleAt(42);
  expect(posted(m, HEADS_UP)).toHaveLength(1);
  expect(posted(m, "Today's plan")).toHaveLength(1);
});

describe('a restart with a break pending', () => {
  let second: RunningApp | undefined;

  afterEach(async () => {
    await second?.stop();
    second = undefined;
  });

  test('the reminder fires exactly once after the app comes back on the same data', async () => {
    await settleAt(30);
    await m.running.app.stop();
    second = await startApp({}, { dataDir: m.running.dataDir, clock: m.clock, directory: m.directory, background: false });
    const settleSecond = async () => {
      for (let round = 0; round < 10; round++) {
        const jobs = await second!.app.jobs.runDueOnce();
        const sends = await second!.app.sender.drainOnce();
        if (jobs.done + jobs.dropped + jobs.retried + jobs.failed + sends.delivered + sends.dropped + sends.failed === 0) return;
      }
    };

    at(m, 42);
    await settleSecond();
    await settleSecond();
    expect(posted(m, HEADS_UP)).toHaveLength(1);
    at(m, 43);
    await settleSecond();
    expect(posted(m, HEADS_UP)).toHaveLength(1);
  });
});

describe('breaks the facilitator decides on', () => {
  test('`break 15` starts a break now, says when we are back, and welcomes people back', async () => {
    await settleAt(3);
    await m.say('fola', 'break 15');
    await m.settle();

    expect(posted(m, BREAK_NOW)).toHaveLength(1);
    const card = chatText(posted(m, BREAK_NOW)[0]);
    expect(card).toContain(`We will start again at ${timeMacro(18)}`);
    expect(card).toContain('After the break: Welcome and introductions');
    expect(cardText(latestFrameworkCard(m))).toContain('Now: Break');
    expect(edits(m)).toHaveLength(1);

    await settleAt(18);
    expect(posted(m, WELCOME_BACK)).toHaveLength(1);
    expect(chatText(posted(m, WELCOME_BACK)[0])).toContain('Next: Welcome and introductions');

    // The planned break is still to come, 18 minutes later now: its heads-up moved with it.
    await settleAt(42);
    expect(posted(m, HEADS_UP)).toHaveLength(0);
    await settleAt(60);
    expect(posted(m, HEADS_UP)).toHaveLength(1);
    expect(chatText(posted(m, HEADS_UP)[0])).toContain(`at ${timeMacro(65)}`);
  });

  test('the Start a break button starts one break however often it is pressed', async () => {
    const card = latestFrameworkCard(m);
    const first = await m.press('fola', 'break.start', buttonData(card, 'break.start'));
    const second = await m.press('fola', 'break.start', buttonData(card, 'break.start'));
    await m.settle();
    expect(invokeMessage(first)).toMatch(/The break has started/);
    expect(invokeMessage(second)).toMatch(/A break is on already/);
    expect(posted(m, BREAK_NOW)).toHaveLength(1);
    expect((await storedPlan(m.running.app.store)).agenda?.filter((item) => item.kind === 'break')).toHaveLength(2);
  });

  test('skipping a planned break needs the confirmation; only that removes it and its reminders', async () => {
    await settleAt(42);
    const headsUp = cardOf(posted(m, HEADS_UP)[0]);
    const asked = await m.press('fola', 'break.skip', buttonData(headsUp, 'break.skip'));
    const confirm = invokeCard(asked);
    expect(cardText(confirm)).toContain('Skip this break?');
    expect((await storedPlan(m.running.app.store)).agenda?.some((item) => item.id === 'item-6')).toBe(true);

    const attendee = await m.press('ash', 'break.confirmSkip', buttonData(confirm, 'break.confirmSkip'));
    expect(attendee.body).toMatchObject({ statusCode: 403 });
    expect((await storedPlan(m.running.app.store)).agenda?.some((item) => item.id === 'item-6')).toBe(true);

    const confirmed = await m.press('fola', 'break.confirmSkip', buttonData(confirm, 'break.confirmSkip'));
    expect(invokeMessage(confirmed)).toMatch(/no longer in the plan/);
    expect((await storedPlan(m.running.app.store)).agenda?.some((item) => item.id === 'item-6')).toBe(false);
    const again = await m.press('fola', 'break.confirmSkip', buttonData(confirm, 'break.confirmSkip'));
    expect(invokeMessage(again)).toMatch(/no longer in the plan/);

    await settleAt(47);
    await settleAt(67);
    expect(posted(m, BREAK_NOW)).toHaveLength(0);
    expect(posted(m, WELCOME_BACK)).toHaveLength(0);
    expectNothingFacilitatorOnlyInChat(m);
  });
});
