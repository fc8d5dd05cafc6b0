// The tab's "After the meeting" API through the real server: facilitators review, reword, hide
// and approve the summary (published once, without what they hid), the summary's link opens it
// without signing in and a wrong link does not, attendees are refused everything meant for
// organisers, exports come as files that are safe to open, and nothing from the organiser view
// reaches any chat message.
import { personId } from '../../bot/core/personalChats';
import { sessionsOfConversation } from '../../bot/core/sessionStore';
import { setPaymentRate } from '../../bot/services/payments';
import { CHAT, MEETING_START, PEOPLE, TENANT, startMeeting, type MeetingHarness, type PersonName } from '../support/meetingHarness';
import { chatText, digestPosts, expectNoneOf, MINUTE, posts, ROUND_TITLE, saveWrapUp, servicesOf, setUpSession } from '../services/followUpKit';
import { answer as answerConsent } from '../services/consentKit';
import { bodyOf, TabClient, type ErrorJson } from './tabApiKit';

const CARE = 'Sam from the depot was rude to me';
const REWORDED = 'One person had a bad experience with a driver';
const KEPT = 'Drivers need more training';

let m: MeetingHarness;
let tab: TabClient;

interface ReviewJson {
  readonly status: 'none' | 'draft' | 'shared' | 'published';
  readonly version: number;
  readonly items: readonly { readonly itemId: string; readonly kind: string; readonly text: string; readonly original?: string; readonly hidden: boolean }[];
  readonly hiddenCount: number;
  readonly roundPosted: boolean;
  readonly markdownPath?: string;
  readonly digest?: { readonly notes: readonly { readonly text: string }[]; readonly sessionKey?: string };
}

interface OrganiserJson {
  readonly payments: { readonly rows: readonly { readonly who: string; readonly teamsName?: string; readonly whoIsThis?: { name: string }; readonly line: { status: string; declinedReason?: string; minutes: number } }[] };
  readonly attendance: readonly { readonly name?: string; readonly present: boolean }[];
  readonly accessNeeds: readonly { readonly name?: string; readonly needs: readonly string[] }[];
  readonly actions: readonly { readonly id: string; readonly what: string; readonly status: string }[];
}

async function post(who: PersonName, path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${m.running.url}${path}`, { method: 'POST', headers: { ...(await tab.headers(who)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function review(who: PersonName = 'fola'): Promise<ReviewJson> {
  const response = await tab.get(who, '/api/tab/after/digest');
  expect(response.status).toBe(200);
  return bodyOf<ReviewJson>(response);
}

const itemWith = (view: ReviewJson, words: string) => {
  const item = view.items.find((i) => i.text.includes(words) || i.original?.includes(words));
  if (!item) throw new Error(`no item with ${words}`);
  return item;
};

beforeEach(async () => {
  m = await startMeeting({ env: { PUBLIC_URL: 'https://coproduce.example' } });
  tab = new TabClient(m);
  await setUpSession(m);
  await m.openPersonalChats('fola', 'pria', 'ash', 'gabi');
  await m.meetingEvent('start', { casing: 'camel' });
  await m.meetingEvent('join', { who: ['ash', 'gabi'] });
  await m.settle();
  // Answering a card tells us a person's name: named attendance, for the organiser view only.
  await answerConsent(m, 'gabi', {});
  await m.say('pria', `note ${KEPT}`);
  await m.say('pria', `note ${CARE}`);
  await m.say('pria', 'note Nobody should read this one');
});
afterEach(() => m.stop());

/** Fola wraps up: the draft summary is made. */
async function wrapUp(): Promise<void> {
  await saveWrapUp(m);
  await m.settle();
}

test('before wrap-up there is no draft; a facilitator can have one made from the tab, and nothing is posted', async () => {
  expect(await review()).toEqual({ status: 'none' });
  expect((await post('ash', '/api/tab/after/digest/rebuild')).status).toBe(403);
  const made = await post('fola', '/api/tab/after/digest/rebuild', {});
  expect(made.status).toBe(200);
  const draft = await review();
  expect(draft.status).toBe('draft');
  expect(draft.items.map((i) => i.text)).toEqual(expect.arrayContaining([KEPT, CARE]));
  await m.settle();
  expect(digestPosts(m)).toHaveLength(0);
  expect(posts(m, CHAT, ROUND_TITLE)).toHaveLength(0);
});

test('an attendee is refused the review, every organiser route and every export, and nothing changes', async () => {
  await wrapUp();
  const before = await review();
  for (const path of ['/api/tab/after/digest', '/api/tab/after/organiser']) expect((await tab.get('ash', path)).status).toBe(403);
  const refusedPosts = [
    ['/api/tab/after/digest/review', { version: before.version, hide: before.items.map((i) => i.itemId) }],
    ['/api/tab/after/digest/round', { version: before.version }],
    ['/api/tab/after/digest/approve', { version: before.version }],
    ['/api/tab/after/digest/rebuild', {}],
    ['/api/tab/after/payments/confirm', { who: 'aad|x|y' }],
    ['/api/tab/after/payments/propose', {}],
    ['/api/tab/after/actions/add', { what: 'Something' }],
    ['/api/tab/after/exports/attendance', {}],
    ['/api/tab/after/exports/payments', {}],
  ] as const;
  for (const [path, body] of refusedPosts) {
    const response = await post('ash', path, body);
    expect({ path, status: response.status }).toEqual({ path, status: 403 });
    expect((await bodyOf<ErrorJson>(response)).message).toBe('Only the session’s facilitators can do this.');
  }
  await m.settle();
  expect(digestPosts(m)).toHaveLength(0);
  expect(posts(m, CHAT, ROUND_TITLE)).toHaveLength(0);
  expect(await review()).toEqual(before);
  // Before approval, the summary is not there for anyone to read.
  const notYet = await tab.get('ash', '/api/tab/after/summary');
  expect(notYet.status).toBe(404);
  expect((await bodyOf<ErrorJson>(notYet)).message).toContain('has not been shared yet');
});

test('the facilitator rewords one item and hides another; approval publishes once, without them, and the link opens it', async () => {
  await wrapUp();
  const draft = await review('pria');
  expect(draft.status).toBe('draft');
  const care = itemWith(draft, CARE);
  const hidden = itemWith(draft, 'Nobody should read');
  const saved = await post('pria', '/api/tab/after/digest/review', { version: draft.version, hide: [hidden.itemId], edits: [{ itemId: care.itemId, text: REWORDED }] });
  expect(saved.status).toBe(200);
  // Making the draft again keeps the choices, on a new version.
  expect((await post('fola', '/api/tab/after/digest/rebuild')).status).toBe(200);
  const checked = await review('fola');
  expect(checked.version).toBe(draft.version + 1);
  expect(itemWith(checked, REWORDED)).toMatchObject({ text: REWORDED, original: CARE, hidden: false });
  expect(itemWith(checked, 'Nobody should read').hidden).toBe(true);
  expect(checked.hiddenCount).toBe(1);
  await m.settle();
  expect(digestPosts(m)).toHaveLength(0); // nothing is published unreviewed

  const approvals = await Promise.all([post('fola', '/api/tab/after/digest/approve', { version: checked.version }), post('pria', '/api/tab/after/digest/approve', { version: checked.version })]);
  expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
  expect((await post('fola', '/api/tab/after/digest/approve', { version: checked.version })).status).toBe(409);
  await m.settle();
  m.clock.advance(5 * MINUTE);
  await m.settle();
  const published = digestPosts(m);
  expect(published).toHaveLength(1);
  const posted = chatText(published[0]);
  expect(posted).toContain(REWORDED);
  expect(posted).not.toContain(CARE);
  expect(posted).not.toContain('Nobody should read');

  const after = await review('fola');
  expect(after.status).toBe('published');
  expect(after.digest?.notes.map((n) => n.text).sort()).toEqual([KEPT, REWORDED].sort());
  expect(after.digest).not.toHaveProperty('sessionKey');
  // A summary shared already cannot be changed.
  expect((await post('fola', '/api/tab/after/digest/review', { version: after.version, hide: [care.itemId] })).status).toBe(409);

  // The summary's link: no sign-in, the same content, no session key.
  const token = after.markdownPath?.match(/^\/digest\/([A-Za-z0-9_-]+)\.md$/)?.[1];
  expect(token).toBeDefined();
  const open = await fetch(`${m.running.url}/api/digest/${token}`);
  expect(open.status).toBe(200);
  expect(open.headers.get('referrer-policy')).toBe('no-referrer');
  const opened = await open.text();
  expect(opened).toContain(REWORDED);
  expect(opened).not.toContain(CARE);
  expect(opened).not.toContain('Nobody should read');
  expect(opened).not.toContain('sessionKey');
  const markdown = await (await fetch(`${m.running.url}${after.markdownPath}`)).text();
  expect(markdown).toContain('One person had a bad experience with a driver');
  expect(markdown).not.toContain('rude');
  // Anyone in the meeting reads it in the tab too.
  const summary = await tab.get('ash', '/api/tab/after/summary');
  expect(summary.status).toBe(200);
  expect(await summary.text()).toContain(KEPT);
});

test('a wrong or malformed summary link is a plain 404, before and after publication', async () => {
  await wrapUp();
  const draft = await review();
  for (const token of ['x'.repeat(43), 'short', '..%2F..%2Fetc']) expect((await fetch(`${m.running.url}/api/digest/${token}`)).status).toBe(404);
  await post('fola', '/api/tab/after/digest/approve', { version: draft.version });
  const wrong = await fetch(`${m.running.url}/api/digest/${'A'.repeat(22)}`);
  expect(wrong.status).toBe(404);
  expect(await wrong.json()).toEqual({ code: 'NotFound', message: 'This summary link does not work. Ask the organiser for a new one.' });
});

test('sharing the draft as a round posts it once; a stale version is refused; bad bodies get plain answers', async () => {
  await wrapUp();
  const draft = await review();
  const round = await post('fola', '/api/tab/after/digest/round', { version: draft.version });
  expect(round.status).toBe(200);
  expect((await post('fola', '/api/tab/after/digest/round', { version: draft.version })).status).toBe(409);
  await m.settle();
  expect(posts(m, CHAT, ROUND_TITLE)).toHaveLength(1);
  expect(digestPosts(m)).toHaveLength(0);
  expect((await review()).status).toBe('shared');

  const stale = await post('fola', '/api/tab/after/digest/approve', { version: draft.version - 1 });
  expect(stale.status).toBe(409);
  expect((await bodyOf<ErrorJson>(stale)).code).toBe('DraftChanged');
  const badVersion = await post('fola', '/api/tab/after/digest/review', { version: 'one', hide: [] });
  expect(badVersion.status).toBe(400);
  expect((await bodyOf<ErrorJson>(badVersion)).message).toBe('Send the draft version you checked, with the items to hide, show or reword.');
  const tooLong = await post('fola', '/api/tab/after/digest/review', { version: draft.version, edits: [{ itemId: draft.items[0].itemId, text: 'a'.repeat(2_500) }] });
  expect(tooLong.status).toBe(400);
  expect((await bodyOf<ErrorJson>(tooLong)).message).toContain('2000 characters or fewer');
  const huge = await post('fola', '/api/tab/after/digest/review', { version: draft.version, hide: Array.from({ length: 2_000 }, (_, i) => `note:${'x'.repeat(150)}${i}`) });
  expect(huge.status).toBe(413);
  await m.settle();
  expect(digestPosts(m)).toHaveLength(0);
});

test('organisers handle payments and actions in the tab; exports are files safe to open; no chat message holds organiser data', async () => {
  await wrapUp();
  const ash = personId({ tenantId: TENANT, aadObjectId: PEOPLE.ash.aadObjectId });
  const gabi = personId({ tenantId: TENANT, aadObjectId: PEOPLE.gabi.aadObjectId });
  m.clock.set(new Date(MEETING_START.getTime() + 125 * MINUTE));
  expect((await post('fola', '/api/tab/after/payments/propose')).status).toBe(400); // no built-in rate
  // The rate is set in Prepare; here it is set as that screen's service does.
  const [stored] = await sessionsOfConversation(m.running.app.store, CHAT);
  expect((await setPaymentRate(servicesOf(m), stored, { perHourMinor: 2500, prepMinutes: 30 }, m.clock.now())).ok).toBe(true);
  expect((await post('fola', '/api/tab/after/payments/confirm', { who: ash, minutes: 'lots' })).status).toBe(400);
  const proposed = await post('fola', '/api/tab/after/payments/propose');
  expect(await proposed.json()).toMatchObject({ ok: true, message: '2 payments are proposed. Check them and confirm them.' });
  expect((await post('fola', '/api/tab/after/payments/confirm', { who: ash, expenses: [{ kind: 'travel', amountMinor: 840 }] })).status).toBe(200);
  expect((await post('fola', '/api/tab/after/payments/who', { who: ash, name: '=cmd|calc', contact: 'ash.private@example.org' })).status).toBe(200);
  expect((await post('fola', '/api/tab/after/payments/who', { who: 'aad|someone|else', name: 'Nobody' })).status).toBe(404);
  expect((await post('pria', '/api/tab/after/payments/confirm', { who: gabi })).status).toBe(200);
  expect((await post('pria', '/api/tab/after/payments/settle', { who: gabi, status: 'declined', reason: 'Universal Credit rules' })).status).toBe(200);
  const settleUnconfirmed = await post('fola', '/api/tab/after/payments/settle', { who: 'aad|nobody|here', status: 'paid' });
  expect(settleUnconfirmed.status).toBe(400);
  expect((await bodyOf<ErrorJson>(settleUnconfirmed)).message).toContain('Propose the payments first');

  const injected = '=HYPERLINK("https://evil.example","click")';
  expect((await post('fola', '/api/tab/after/actions/add', { what: injected, owner: 'Fola' })).status).toBe(200);
  const organiser = await bodyOf<OrganiserJson>(await tab.get('pria', '/api/tab/after/organiser'));
  expect(organiser.payments.rows.find((r) => r.who === gabi)?.line).toMatchObject({ status: 'declined', declinedReason: 'Universal Credit rules' });
  expect(organiser.payments.rows.find((r) => r.who === ash)?.whoIsThis?.name).toBe('=cmd|calc');
  expect(organiser.attendance.map((a) => a.name)).toEqual(expect.arrayContaining(['Gabi Tester']));
  expect(organiser.attendance.filter((a) => a.present).length).toBeGreaterThanOrEqual(2);
  const added = organiser.actions.find((a) => a.what === injected);
  expect(added?.status).toBe('planned');
  expect((await post('fola', '/api/tab/after/actions/status', { id: added?.id, status: 'inProgress', note: 'Asked the council' })).status).toBe(200);
  expect((await post('fola', '/api/tab/after/actions/status', { id: '../x', status: 'done' })).status).toBe(404);

  // The files: the right type, a file name, and cells that cannot run as formulas.
  const exported = async (kind: string, body: unknown = {}) => {
    const response = await post('fola', `/api/tab/after/exports/${kind}`, body);
    return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), text: await response.text() };
  };
  const actions = await exported('actions');
  expect(actions).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="coproduce-2026-11-26-actions.csv"' });
  expect(actions.text).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
  expect(actions.text).toContain('"Under way"');
  const payments = await exported('payments');
  expect(payments.text).toContain(`"'=cmd|calc","ash.private@example.org"`);
  expect(payments.text).not.toContain('Universal Credit');
  const attendance = await exported('attendance');
  expect(attendance.type).toBe('text/csv; charset=utf-8');
  expect(attendance.text).toContain('"Gabi Tester"');
  const consent = await exported('consent');
  expect(consent.text.replace(/^\ufeff/, '').startsWith('# ')).toBe(true);
  expect((await exported('sense-checks')).text).toContain('"Sense-check","Opened at"');
  expect(await exported('summary')).toMatchObject({ status: 409 });
  expect(await exported('nothing-like-this')).toMatchObject({ status: 404 });
  const pack = await exported('participant-pack', { organiserContact: 'Fola on 0161 496 0000', joinLink: 'javascript:alert(1)' });
  expect(pack).toMatchObject({ status: 200, type: 'text/markdown; charset=utf-8' });
  expect(pack.text).toContain('Fola on 0161 496 0000');
  expect(pack.text).not.toContain('javascript');
  expect((await exported('participant-pack', { organiserContact: 42 })).status).toBe(400);

  const draft = await review();
  await post('fola', '/api/tab/after/digest/approve', { version: draft.version });
  await m.settle();
  const summary = await exported('summary');
  expect(summary).toMatchObject({ status: 200, type: 'text/markdown; charset=utf-8', disposition: 'attachment; filename="coproduce-2026-11-26-summary.md"' });
  expect(summary.text).toContain(KEPT);
  const email = await exported('email', { signature: 'Fola, Transport team' });
  expect(email.type).toBe('text/plain; charset=utf-8');
  expect(email.text).toMatch(/^Subject: Thank you for taking part on 26 November 2026\r\n\r\n/);

  m.clock.advance(10 * MINUTE);
  await m.settle();
  expectNoneOf(m, ['ash.private@example.org', '=cmd|calc', 'Universal Credit', '£']);
  expect(posts(m, CHAT, 'Universal Credit')).toHaveLength(0);
});
