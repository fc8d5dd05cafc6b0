/**
 * The consent cards: valid for Teams, every button names its session, choices start at "Not now",
 * the organiser's contact is shown as plain text, the wording hash is the hash of exactly what is
 * shown, and our own words pass the plain-English checker.
 */
import { createHash } from 'node:crypto';
import { CONSENT_SCOPES, FACILITATOR_METHODS } from '../../bot/core/consentScopes';
import { checkPlainEnglish } from '../../bot/core/plainEnglish';
import { CONSENT_INPUT_IDS, consentCard, consentFormCard } from '../../bot/cards/consentCard';
import { consentAnswerCard } from '../../bot/cards/consentAnswerCard';
import { consentOverviewCard, withdrawalAlertCard } from '../../bot/cards/consentFacilitatorCard';
import { consentPickerCard, MAX_SESSIONS_LISTED } from '../../bot/cards/consentPickerCard';
import { consentRecordedCard, consentRecordFormCard } from '../../bot/cards/consentRecordCard';
import { consentSheetMarkdown } from '../../bot/cards/consentSheet';
import { RECORDED_METHODS, SCOPE_ORDER, wordingLines } from '../../bot/cards/consentWording';
import { consentWording } from '../../bot/services/consentWording';
import { consentStrings } from '../../bot/cards/strings/consent.en-GB';
import { expectValidTeamsCard } from '../support/cardChecks';
import { textOf } from '../support/meetingHarness';

const sessionKey = 'session|MCMx!2Fmeeting|2026-11-26';
const contact = 'Sam on 0161 496 0000 or https://example.org/help [click](https://evil.example)';
const standard = consentWording('standard', contact);
const easy = consentWording('easyRead', contact);

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}
function find(card: unknown, type: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  walk(card, (r) => r.type === type && out.push(r));
  return out;
}

describe('the wording', () => {
  test('the cards list the choices and methods the core knows, in its order', () => {
    expect(SCOPE_ORDER).toEqual(CONSENT_SCOPES);
    expect(RECORDED_METHODS).toEqual(FACILITATOR_METHODS);
  });

  test('the hash is the SHA-256 of exactly the text shown, and changes with the variant and the contact', () => {
    expect(standard.hash).toBe(createHash('sha256').update(standard.text, 'utf8').digest('hex'));
    expect(standard.text).toBe(wordingLines(standard.words, contact).join('\n'));
    expect(easy.hash).not.toBe(standard.hash);
    expect(consentWording('standard', 'Someone else').hash).not.toBe(standard.hash);
    expect(consentWording('standard', contact).hash).toBe(standard.hash);
  });

  test('every line of the wording is on the card', () => {
    const shown: string[] = [];
    walk(consentCard({ sessionKey, wording: standard, tally: { answered: 0, expected: 0 } }), (r) => {
      for (const key of ['text', 'label', 'title']) if (typeof r[key] === 'string') shown.push(r[key] as string);
    });
    for (const line of wordingLines(standard.words, contact)) expect(shown).toContain(line);
  });

  test('the card says what it must: capture, who sees it, how long, no is fine, change your mind, contact, cannot stop a recording', () => {
    const shown = standard.text;
    for (const part of ['What we might capture', 'Who will see it', 'Until the organiser deletes the session record', 'changes nothing about taking part',
      'during or after the meeting', 'Contact', 'Coproduce cannot stop a recording itself']) expect(shown).toContain(part);
    expect(consentWording('standard', undefined).text).toContain('Ask one of the facilitators');
  });

  test('easy read says one short idea per line', () => {
    const lines = wordingLines(easy.words, undefined);
    for (const line of lines) expect(line.split(/\s+/).length).toBeLessThanOrEqual(10);
    expect(lines).toContain('The app cannot stop a recording.');
  });
});

describe('the public card', () => {
  const card = consentCard({ sessionKey, wording: standard, tally: { answered: 3, expected: 7 } });

  test('is valid, shows only a count, and every button names the session', () => {
    expectValidTeamsCard(card);
    expect(textOf(card)).toContain('3 of 7 have answered');
    const buttons = find(card, 'Action.Execute');
    expect(buttons.map((b) => b.verb)).toEqual(['consent.give', 'consent.decline', 'consent.easyRead', 'consent.confirmClearToRecord']);
    for (const b of buttons) expect((b.data as Record<string, unknown>).sessionKey).toBe(sessionKey);
    expect((buttons[0].data as Record<string, unknown>).wordingHash).toBe(standard.hash);
  });

  test('five separate choices, each Yes or Not now, each starting at Not now', () => {
    const inputs = find(card, 'Input.ChoiceSet');
    expect(inputs.map((i) => i.id)).toEqual(CONSENT_SCOPES.map((s) => CONSENT_INPUT_IDS[s]));
    for (const input of inputs) {
      expect(input.value).toBe('notNow');
      expect(input.style).toBe('expanded');
      expect((input.choices as { value: string }[]).map((c) => c.value)).toEqual(['agree', 'notNow']);
    }
  });

  test('the contact is a person\'s words: plain text, never markdown', () => {
    const blocks = find(card, 'TextBlock').map((b) => String(b.text));
    for (const text of blocks) expect(text).not.toContain('evil.example');
    expect(find(card, 'TextRun').some((r) => String(r.text).includes('[click](https://evil.example)'))).toBe(true);
  });

  test('nobody yet and odd counts read naturally', () => {
    expect(textOf(consentCard({ sessionKey, wording: standard, tally: { answered: 0, expected: 4 } }))).toContain('Nobody has answered yet.');
  });
});

describe('a person\'s own view', () => {
  test('the easy-read form keeps their choices and saves as easy read', () => {
    const card = consentFormCard(sessionKey, easy, { recording: 'agree' });
    expectValidTeamsCard(card);
    expect(find(card, 'Input.ChoiceSet').map((i) => i.value)).toEqual(['agree', 'notNow', 'notNow', 'notNow', 'notNow']);
    const save = find(card, 'Action.Execute').find((b) => b.verb === 'consent.give');
    expect(save?.data).toEqual({ sessionKey, variant: 'easyRead', wordingHash: easy.hash });
  });

  test('after agreeing: their choices, how to change their mind, the code and the link', () => {
    const card = consentAnswerCard({
      sessionKey, wording: standard, choices: { recording: 'agree', transcript: 'notNow' }, outcome: 'saved', recordedForYou: true,
      withdrawal: { code: 'A'.repeat(43), link: `https://coproduce.example/withdraw?code=${'A'.repeat(43)}` },
    });
    expectValidTeamsCard(card);
    const shown = textOf(card);
    expect(shown).toContain('Your choices are saved.');
    expect(shown).toContain('You can change your mind at any time');
    expect(shown).toContain('A'.repeat(43));
    expect(shown).toContain('recorded for you by a facilitator');
    expect(find(card, 'Action.OpenUrl')).toHaveLength(1);
    // The link is a person-specific address: only ever in a plain text run, never markdown.
    for (const block of find(card, 'TextBlock')) expect(String(block.text)).not.toContain('https://');
  });

  test('without a public address only the code is shown; having said no to everything, no code at all', () => {
    const codeOnly = consentAnswerCard({ sessionKey, wording: standard, choices: { recording: 'agree' }, outcome: 'saved', recordedForYou: false, withdrawal: { code: 'B'.repeat(43) } });
    expectValidTeamsCard(codeOnly);
    expect(find(codeOnly, 'Action.OpenUrl')).toHaveLength(0);
    const none = consentAnswerCard({ sessionKey, wording: standard, choices: { recording: 'notNow' }, outcome: 'unchanged', recordedForYou: false });
    expectValidTeamsCard(none);
    expect(textOf(none)).toContain('nothing changed');
    expect(textOf(none)).not.toContain('personal code');
  });
});

describe('facilitators', () => {
  test('the view lists who has not answered and who said not now, marks recorded answers, and offers to confirm', () => {
    const card = consentOverviewCard({
      sessionKey,
      clearance: { clear: false, notAnswered: 2, saidNo: 1, needsConfirmation: true },
      notAnswered: { names: ['Gabi [x](https://evil.example)'], unnamed: 1 },
      saidNotNow: [{ name: 'Cal', scopes: ['recording', 'quoted'], recordedBy: 'phone' }],
    }, standard);
    expectValidTeamsCard(card);
    const shown = textOf(card);
    expect(shown).toContain('Not clear to record: 2 people we cannot see or who have not answered.');
    expect(shown).toContain('recorded by a facilitator: by phone');
    expect(shown).toContain('People whose names we do not know: 1.');
    expect(find(card, 'Action.Execute').map((b) => (b.data as Record<string, unknown>).step)).toContain('confirm');
  });

  test('a large meeting lists the first names and says how many more, within the size budget', () => {
    const names = Array.from({ length: 300 }, (_v, i) => `Person number ${i} with a fairly long display name`);
    const card = consentOverviewCard({
      sessionKey,
      clearance: { clear: false, notAnswered: 300, saidNo: 300, needsConfirmation: true },
      notAnswered: { names, unnamed: 0 },
      saidNotNow: names.map((name) => ({ name, scopes: ['recording', 'transcript', 'aiSummary', 'named', 'quoted'] as const })),
    }, standard);
    expectValidTeamsCard(card);
    expect(textOf(card).match(/And 260 more\./g)).toHaveLength(2);
  });

  test('clear to record shows no confirm button', () => {
    const card = consentOverviewCard({ sessionKey, clearance: { clear: true }, notAnswered: { names: [], unnamed: 0 }, saidNotNow: [] }, standard);
    expectValidTeamsCard(card);
    expect(textOf(card)).toContain('Clear to record.');
    expect(find(card, 'Action.Execute').some((b) => (b.data as Record<string, unknown>).step === 'confirm')).toBe(false);
  });

  test('the withdrawal alert names the person in plain text and says what to do', () => {
    const card = withdrawalAlertCard({ sessionKey, name: 'Ash *Tester*', scopes: ['recording'] }, standard);
    expectValidTeamsCard(card);
    expect(textOf(card)).toContain('If you are recording, stop now');
    expect(find(card, 'TextRun').some((r) => r.text === 'Ash *Tester*')).toBe(true);
  });

  test('the record form and its confirmation', () => {
    const form = consentRecordFormCard({ sessionKey, wording: standard, people: [{ value: 'a:p|user|29:x', name: 'Ash' }], problems: [consentStrings.record.noMethod] });
    expectValidTeamsCard(form);
    expect(find(form, 'Input.ChoiceSet').map((i) => i.id)).toEqual(expect.arrayContaining(['consentPerson', 'consentMethod', 'consentWordingVariant']));
    const done = consentRecordedCard({ sessionKey, wording: standard, name: 'Ash', method: 'paper', choices: { recording: 'agree' }, outcome: 'saved' });
    expectValidTeamsCard(done);
    expect(textOf(done)).toContain('(on paper)');
    expect(textOf(done)).toContain('recorded by a facilitator');
  });
});

describe('the 1:1 picker', () => {
  test('lists newest sessions with a button each; none says how to get here', () => {
    const sessions = Array.from({ length: 12 }, (_v, i) => ({ sessionKey: `s${i}`, occurrence: `2026-11-${String(i + 10)}`, outcome: 'Talk about buses' }));
    const card = consentPickerCard(sessions);
    expectValidTeamsCard(card);
    const buttons = find(card, 'Action.Execute');
    expect(buttons).toHaveLength(MAX_SESSIONS_LISTED);
    expect(buttons[0].data).toEqual({ sessionKey: 's0', step: 'open' });
    expectValidTeamsCard(consentPickerCard([]));
    expect(textOf(consentPickerCard([]))).toContain('You have not answered about consent in any session yet');
  });
});

describe('the printable sheet', () => {
  test('has the easy-read words, a tick box per answer, and the contact escaped', () => {
    const sheet = consentSheetMarkdown({ contact: 'Sam *bold* [x](https://evil.example)', outcome: 'Buses', date: '2026-11-26' });
    const words = easy.words;
    const expected = [words.title, ...words.intro, ...words.sections.flatMap((s) => [s.heading, ...s.lines]), ...words.cannotStop, words.contactHeading,
      ...CONSENT_SCOPES.map((scope) => words.scopes[scope])];
    for (const line of expected) expect(sheet).toContain(line);
    expect(sheet.match(/- \[ \] Yes/g)).toHaveLength(5);
    expect(sheet.match(/- \[ \] Not now/g)).toHaveLength(5);
    expect(sheet).toContain('Sam \\*bold\\* \\[x\\]\\(https://evil\\.example\\)');
    expect(sheet).not.toContain('[x](');
  });
});

describe('our own words', () => {
  const strings: [string, string][] = [];
  const collect = (value: unknown, path: string): void => {
    if (typeof value === 'string') strings.push([path, value]);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, `${path}.${k}`);
  };
  collect(consentStrings, 'consent');

  test.each(strings)('%s passes the plain-English checker and has no web address', (_path, text) => {
    expect(checkPlainEnglish(text)).toEqual([]);
    expect(text).not.toMatch(/https?:|www\./);
  });

  test.each(['standard', 'easyRead'] as const)('the whole %s wording has no label findings', (variant) => {
    expect(checkPlainEnglish(consentWording(variant, undefined).text).filter((i) => i.kind === 'label')).toEqual([]);
  });
});
