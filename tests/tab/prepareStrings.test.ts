// The Prepare screen's own words (tab/src/prepare/strings.en-GB.ts) pass the plain-English
// checker in full: no labels for people, no unexplained acronyms, no long or hard sentences.
// Functions are filled in with typical values, so the sentences they make are checked too.
import path from 'node:path';
import { checkPlainEnglish } from '../../bot/core/plainEnglish';

const SAMPLES: readonly unknown[] = ['Carers from the north', 3, 6];

function sentencesIn(value: unknown, where: string): Array<[string, string]> {
  if (typeof value === 'string') return [[where, value]];
  if (typeof value === 'function') return [[where, String((value as (...args: unknown[]) => unknown)(...SAMPLES.slice(0, value.length)))]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => sentencesIn(inner, `${where}.${key}`));
  return [];
}

const file = path.join(__dirname, '../../tab/src/prepare/strings.en-GB.ts');
const sentences = sentencesIn(jest.requireActual<{ prepareText: unknown }>(file).prepareText, 'prepareText');

test('the walk finds the Prepare screen’s sentences, functions included', () => {
  expect(sentences.length).toBeGreaterThan(60);
  expect(sentences.map(([, text]) => text)).toContain('Add “Carers from the north” to the list');
});

test.each(sentences)('%s passes the plain-English checker', (_where, text) => {
  expect(checkPlainEnglish(text)).toEqual([]);
});
