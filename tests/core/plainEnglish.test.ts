import fs from 'node:fs';
import path from 'node:path';
import { checkPlainEnglish, LONG_SENTENCE_WORDS, sentenceSpans } from '../../bot/core/plainEnglish';
import { ignoreRule, isIgnored, MAX_IGNORED_RULES, unignoreRule } from '../../bot/core/plainEnglishIgnores';
import { enGB } from '../../bot/cards/strings.en-GB';
import corpus from './plainEnglish.corpus.json';

const rules = (text: string, ignore?: readonly string[]) => checkPlainEnglish(text, { ignore }).map((i) => i.rule);

describe('the facilitator corpus', () => {
  test('covers every rule, with plenty of sentences that must not be flagged', () => {
    const flagged = new Set(corpus.flatMap((c) => c.expected.map((r) => r.replace(/^acronym\..*/, 'acronym'))));
    expect([...flagged].sort()).toEqual([
      'acronym', 'label.beneficiaries', 'label.cases', 'label.hardToReach', 'label.recipients',
      'label.serviceUsers', 'label.theVulnerable', 'longSentence', 'readingEase',
    ]);
    expect(corpus.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(15);
  });

  test.each(corpus.map((c) => [c.text, c.expected] as const))('%s → %j', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });
});

describe('each warning', () => {
  test('points at the words it is about, so the tab can mark them', () => {
    const text = 'Thank the service users and the ICB. Twelve cases were interviewed.';
    const issues = checkPlainEnglish(text);
    expect(issues.map((i) => [i.rule, text.slice(i.start, i.end), i.found])).toEqual([
      ['label.serviceUsers', 'service users', 'service users'],
      ['acronym.ICB', 'ICB', 'ICB'],
      ['label.cases', 'cases', 'cases'],
    ]);
  });

  test('comes with a short suggestion in plain words', () => {
    const text = 'The ICB asked the beneficiaries and the hard-to-reach groups.';
    for (const issue of checkPlainEnglish(text)) {
      expect(issue.suggestion.length).toBeGreaterThan(20);
      expect(issue.suggestion.length).toBeLessThan(140);
    }
    const [label] = checkPlainEnglish('Service users are welcome.');
    expect(label.suggestion).toContain('people who draw on care and support');
  });

  test('a long sentence is marked from its first word to its full stop and says how long it is', () => {
    const long = Array.from({ length: LONG_SENTENCE_WORDS + 2 }, (_, i) => `word${i}`).join(' ') + '.';
    const text = `Short one. ${long} Another short one.`;
    const [issue] = checkPlainEnglish(text);
    expect(issue.rule).toBe('longSentence');
    expect(text.slice(issue.start, issue.end)).toBe(long);
    expect(issue.suggestion).toContain(`${LONG_SENTENCE_WORDS + 2} words`);
  });

  test('a sentence of exactly the limit is not long', () => {
    const text = Array.from({ length: LONG_SENTENCE_WORDS }, () => 'tea').join(' ') + '.';
    expect(rules(text)).toEqual([]);
  });

  test('an acronym used twice is marked twice, and plurals count', () => {
    const text = 'The PCN meets the PCNs on Monday.';
    expect(checkPlainEnglish(text).map((i) => i.found)).toEqual(['PCN', 'PCNs']);
  });

  test('an explanation must spell the acronym out, not just sit in brackets', () => {
    expect(rules('Social Care Institute for Excellence (SCIE) has advice.')).toEqual([]);
    expect(rules('SCIE (see the handout) has advice.')).toEqual(['acronym.SCIE']);
    expect(rules('SCIE stands for Social Care Institute for Excellence.')).toEqual([]);
  });
});

describe('sentences', () => {
  test('split at full stops, question marks, exclamation marks and line breaks, not inside numbers', () => {
    const text = 'Tea is at 10.30 today! Is that ok?\nYes';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Tea is at 10.30 today!', 'Is that ok?', 'Yes']);
  });
});

describe("don't flag this again (per session)", () => {
  const text = 'The service users met the ICB and the CQC.';

  test('ignoring one acronym keeps the others and the labels', () => {
    expect(rules(text, ['acronym.ICB'])).toEqual(['label.serviceUsers', 'acronym.CQC']);
  });

  test('ignoring a kind turns off the whole kind', () => {
    expect(rules(text, ['acronym'])).toEqual(['label.serviceUsers']);
  });

  test('the session list grows without repeats and can be undone', () => {
    const first = ignoreRule([], 'label.serviceUsers');
    expect(first).toEqual({ ok: true, ignores: ['label.serviceUsers'] });
    if (!first.ok) return;
    const again = ignoreRule(first.ignores, 'label.serviceUsers');
    expect(again).toEqual({ ok: true, ignores: ['label.serviceUsers'] });
    const [issue] = checkPlainEnglish('Service users came.');
    expect(isIgnored(first.ignores, issue)).toBe(true);
    expect(isIgnored(unignoreRule(first.ignores, 'label.serviceUsers'), issue)).toBe(false);
  });

  test('only ids the checker makes are stored, and the list has a ceiling', () => {
    expect(ignoreRule([], 'Fred said something rude')).toEqual({ ok: false, reason: 'unknownRule' });
    const full = Array.from({ length: MAX_IGNORED_RULES }, (_, i) => `acronym.X${i}`);
    expect(ignoreRule(full, 'acronym.ICB')).toEqual({ ok: false, reason: 'tooMany' });
    expect(ignoreRule(full, 'acronym.X1')).toEqual({ ok: true, ignores: full });
  });
});

describe('our own words', () => {
  function stringsIn(value: unknown, path: string): Array<[string, string]> {
    if (typeof value === 'string') return [[path, value]];
    if (value && typeof value === 'object') {
      return Object.entries(value).flatMap(([key, inner]) => stringsIn(inner, path ? `${path}.${key}` : key));
    }
    return [];
  }
  const cardStrings = stringsIn(enGB, 'enGB');

  test('the walk finds the card strings', () => {
    expect(cardStrings.length).toBeGreaterThan(30);
  });

  test.each(cardStrings)('%s passes the checker', (_path, text) => {
    expect(checkPlainEnglish(text)).toEqual([]);
  });

  // Each area keeps its words in a file of its own under cards/strings; new files are picked up here.
  const areaDir = path.join(__dirname, '../../bot/cards/strings');
  const areaFiles = fs.readdirSync(areaDir).filter((file) => file.endsWith('.ts'));
  const areaStrings = areaFiles.flatMap((file) => stringsIn(jest.requireActual<Record<string, unknown>>(path.join(areaDir, file)), file));

  test('the walk finds strings in every area file', () => {
    const found = new Set(areaStrings.map(([where]) => where.slice(0, where.indexOf('.ts') + 3)));
    expect([...found].sort()).toEqual([...areaFiles].sort());
  });

  test.each(areaStrings)('%s never labels people', (_path, text) => {
    expect(checkPlainEnglish(text).filter((issue) => issue.kind === 'label')).toEqual([]);
  });

  // The tab's words (side panel, stage, prepare) are held to the same rule.
  const tabStrings = stringsIn(jest.requireActual<Record<string, unknown>>(path.join(__dirname, '../../tab/src/strings.en-GB.ts')).text, 'tab');

  test('the walk finds the tab strings', () => {
    expect(tabStrings.length).toBeGreaterThan(50);
  });

  test.each(tabStrings)('%s never labels people', (_path, text) => {
    expect(checkPlainEnglish(text).filter((issue) => issue.kind === 'label')).toEqual([]);
  });
});
