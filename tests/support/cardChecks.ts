/**
 * Card checks for tests: the Adaptive Cards reference parser (a devDependency, so it stays out of
 * bot/) plus our Teams card lint. `expectValidTeamsCard` is what every card test calls.
 */
import * as AC from 'adaptivecards';
import { lintCard } from '../../bot/cards/lint';

/** Problems the `adaptivecards` library finds while parsing and validating, as plain strings. */
export function validateWithAdaptiveCards(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index++) {
    const event = context.getEventAt(index);
    problems.push(`parse ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  // Teams' people picker (Input.ChoiceSet with choices.data, no static choices) is a documented Teams
  // extension that the reference library only knows from version 1.6; our lint checks its shape.
  const known = hasPeoplePicker(card) ? problems.filter((p) => !TEAMS_PEOPLE_PICKER.some((known) => p.includes(known))) : problems;
  // Teams' charts (Chart.*) are Teams-only elements the reference library does not know; it draws
  // their fallback, and our lint insists every chart has a text one.
  return known.filter((p) => !/Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used/.test(p));
}

const TEAMS_PEOPLE_PICKER = ['Property "choices.data" is supported in version 1.6', 'An Input.ChoiceSet must have at least one choice defined'];

function hasPeoplePicker(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasPeoplePicker);
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return (record.type === 'Input.ChoiceSet' && record['choices.data'] !== undefined) || Object.values(record).some(hasPeoplePicker);
}

export function expectValidTeamsCard(card: unknown): void {
  expect({ adaptiveCards: validateWithAdaptiveCards(card), teamsLint: lintCard(card) }).toEqual({
    adaptiveCards: [],
    teamsLint: [],
  });
}
