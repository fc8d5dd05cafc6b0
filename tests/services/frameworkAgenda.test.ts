/**
 * Agenda editing by facilitators, through the real endpoint: the editor and the time budget check
 * come back only to the facilitator who pressed (invoke responses); saves are checked by the core,
 * conditional on the version the card was drawn from; the running session and its reminders
 * follow the new plan; nothing from the time check ever reaches the meeting chat.
 */
import { startMeeting, type MeetingHarness } from '../support/meetingHarness';
import {
  at,
  buttonData,
  cardText,
  edits,
  expectNothingFacilitatorOnlyInChat,
  frameworkPosts,
  invokeCard,
  latestFrameworkCard,
  posted,
  SESSION_KEY,
  setUpSession,
  storedPlan,
} from './frameworkKit';
import { defaultAgenda } from '../../bot/core/agenda';

let m: MeetingHarness;

afterEach(async () => {
  await m.stop();
});

async function openEditor(): Promise<Record<string, unknown>> {
  return invokeCard(await m.press('fola', 'agenda.open', buttonData(latestFrameworkCard(m), 'agenda.open')));
}

/** Presses one of the editor's buttons with what the facilitator typed merged in, as Teams does. */
async function pressEditor(editor: Record<string, unknown>, op: string, typed: Record<string, string> = {}) {
  const button = [...JSON.stringify(editor).matchAll(/"verb":"agenda\.save"[^}]*"data":(\{[^}]*\})/g)]
    .map((match) => JSON.parse(match[1]) as Record<string, unknown>)
    .find((data) => data.op === op);
  if (!button) throw new Error(`no ${op} button on the editor`);
  return m.press('fola', 'agenda.save', { ...button, ...typed });
}

async function titles(): Promise<string[]> {
  return ((await storedPlan(m.running.app.store)).agenda ?? []).map((item) => item.title);
}

describe('while the session runs', () => {
  beforeEach(async () => {
    m = await startMeeting();
    await setUpSession(m);
    await m.meetingEvent('start');
    await m.settle();
  });

  test('the editor shows the plan and the time check to the facilitator only', async () => {
    const editor = await openEditor();
    const text = cardText(editor);
    expect(text).toContain('Change the agenda');
    expect(text).toContain('Time check (only you can see this)');
    expect(text).toContain('The plan adds up to 114 minutes. The meeting is 120 minutes long.');
    expect(text).toContain('The plan fits the meeting');

    const attendee = await m.press('ash', 'agenda.open', buttonData(latestFrameworkCard(m), 'agenda.open'));
    expect(attendee.body).toMatchObject({ statusCode: 403 });
    await m.settle();
    expectNothingFacilitatorOnlyInChat(m);
  });

  test('a save that overruns is kept, warned about privately, and the reminders follow it', async () => {
    const saved = invokeCard(await pressEditor(await openEditor(), 'save', { 'm_item-5': '80' }));
    await m.settle();

    const text = cardText(saved);
    expect(text).toContain('Your changes are saved.');
    expect(text).toContain('The plan adds up to 167 minutes but the meeting is 120 minutes.');
    expect((await storedPlan(m.running.app.store)).agenda?.[4]).toMatchObject({ title: 'Topic 1', minutes: 80 });
    // The card in the chat shows the new plan, edited once; the warning stays private.
    expect(edits(m)).toHaveLength(1);
    expect(cardText(latestFrameworkCard(m))).toContain('Topic 1 – 80 min');
    expectNothingFacilitatorOnlyInChat(m, ['167 minutes', 'Take out']);

    // The break now starts 53 minutes later, so nothing is due at 10:42 any more.
    at(m, 42);
    await m.settle();
    expect(posted(m, 'A break is coming up')).toHaveLength(0);
    at(m, 95);
    await m.settle();
    expect(posted(m, 'A break is coming up')).toHaveLength(1);
  });

  test('a double press, or a card overtaken by another save, changes nothing and shows the latest', async () => {
    const editor = await openEditor();
    await pressEditor(editor, 'save', { 'm_item-1': '7' });
    const again = invokeCard(await pressEditor(editor, 'save', { 'm_item-1': '9' }));
    expect(cardText(again)).toContain('Someone else changed the agenda while you had it open');
    expect((await storedPlan(m.running.app.store)).agenda?.[0].minutes).toBe(7);
  });

  test('move up, add and remove, each saved straight away', async () => {
    let editor = await openEditor();
    editor = invokeCard(await pressEditor(editor, 'up', { pick: 'item-7' }));
    expect((await titles()).slice(4, 7)).toEqual(['Topic 1', 'Topic 2', 'Break']);

    editor = invokeCard(await pressEditor(editor, 'add', { new_kind: 'topic', new_title: 'Getting to the day centre', new_minutes: '10', new_question: 'What makes the journey hard?', new_position: 'item-8' }));
    const added = (await storedPlan(m.running.app.store)).agenda?.find((item) => item.title === 'Getting to the day centre');
    expect(added).toMatchObject({ kind: 'topic', minutes: 10, question: 'What makes the journey hard?' });
    expect((await titles()).indexOf('Getting to the day centre')).toBe((await titles()).indexOf('What we have heard so far') - 1);

    await pressEditor(editor, 'remove', { pick: 'item-2' });
    expect(await titles()).not.toContain('Getting to know each other');
  });

  test('typing mistakes are shown back with what was typed, and nothing is saved', async () => {
    const before = await storedPlan(m.running.app.store);
    const answer = invokeCard(await pressEditor(await openEditor(), 'save', { 'm_item-1': 'ten', 't_item-2': '' }));
    const text = cardText(answer);
    expect(text).toContain('Nothing was saved');
    expect(text).toContain('Item 1: give the minutes as a whole number');
    expect(text).toContain('Item 2: Give the item a title.');
    expect(JSON.stringify(answer)).toContain('"value":"ten"');
    expect(await storedPlan(m.running.app.store)).toEqual(before);

    const badAdd = cardText(invokeCard(await pressEditor(await openEditor(), 'add', { new_title: '', new_minutes: '' })));
    expect(badAdd).toContain('Give the new item a title.');
    expect(await storedPlan(m.running.app.store)).toEqual(before);
  });
});

describe('before the session starts', () => {
  test('the saved agenda is the one the meeting start uses', async () => {
    m = await startMeeting();
    await setUpSession(m);
    // No framework card yet: the editor is opened from the button a setup card would carry.
    const editor = invokeCard(await m.press('fola', 'agenda.open', { sessionKey: SESSION_KEY }));
    await pressEditor(editor, 'save', { 't_item-1': 'Hello and who is here' });
    await m.meetingEvent('start', { casing: 'camel' });
    await m.settle();
    expect(frameworkPosts(m)).toHaveLength(1);
    expect(cardText(latestFrameworkCard(m))).toContain('Now: Hello and who is here');
  });

  test("the time check is stricter when someone's access needs ask for more breaks", async () => {
    m = await startMeeting();
    await setUpSession(m, { needsMoreBreaks: true });
    const editor = invokeCard(await m.press('fola', 'agenda.open', { sessionKey: SESSION_KEY }));
    expect(cardText(editor)).toContain('The plan fits the meeting');
    // The default for a 2-hour meeting with more breaks; nothing is stored until someone saves.
    expect((await storedPlan(m.running.app.store)).agenda).toBeUndefined();
    const firstBreak = defaultAgenda(120, { needsMoreBreaks: true }).find((item) => item.kind === 'break');
    const answer = cardText(invokeCard(await pressEditor(editor, 'remove', { pick: firstBreak?.id ?? 'none' })));
    expect(answer).toContain("Someone's access needs ask for more breaks.");
    expect(answer).toContain('about 15 minutes an hour');
  });
});
