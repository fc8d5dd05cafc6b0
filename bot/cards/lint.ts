/**
 * The Teams card lint: what the `adaptivecards` parser does not check but Teams needs. It returns
 * problems in plain words (empty when the card is fine) and never throws. Rules:
 * - version exactly "1.5": Teams renders up to 1.5, and Action.Execute needs 1.5;
 * - every Action.Execute (buttons, ShowCard cards, selectAction, refresh, fallbacks) has a verb
 *   from verbs.ts;
 * - refresh.userIds lists at most 60 Teams user ids, each `29:…`;
 * - user text never in markdown: TextBlock text and fact titles/values (both markdown) may not
 *   hold a markdown link, a web address, or a `{{…}}` that is not a well-formed TIME/DATE. Our
 *   catalogue strings never do, so such text can only be someone's words: those go in a
 *   RichTextBlock through plainText();
 * - size counted as UTF-16 bytes, within the budget for a bot message;
 * - images have alt text, inputs have labels, buttons have titles;
 * - Teams-only elements (Chart.*) only with a text fallback;
 * - only element types and property names on our allow-list (lintSchema.ts).
 * Messages name places and property names, never the values found, so they can be logged.
 */
import {
  ACTION_KEYS,
  CHOICE_KEYS,
  COLUMN_KEYS,
  ELEMENT_KEYS,
  FACT_KEYS,
  isTeamsOnlyElement,
  MSTEAMS_KEYS,
  REFRESH_KEYS,
  ROOT_CARD_KEYS,
  SHOWN_CARD_KEYS,
  TEXT_RUN_KEYS,
} from './lintSchema';
import { lintMacros, lintMarkdownText } from './lintText';
import { isVerb } from './verbs';

/** Teams' recommended ceiling for a bot message ("within 80 KB"; the hard limit is 100 KB). */
export const CARD_SIZE_BUDGET_BYTES = 80_000;
/** Teams shows a user-specific card view to at most 60 people. */
export const MAX_REFRESH_USER_IDS = 60;

type Json = Readonly<Record<string, unknown>>;
type Problems = string[];
type ActionPlace = 'button' | 'selectAction' | 'refresh';

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

// Teams counts message size in UTF-16, two bytes per code unit: non-ASCII text costs more.
export function cardSizeBytes(card: unknown): number {
  return (JSON.stringify(card) ?? '').length * 2;
}

export function lintCard(card: unknown): string[] {
  const out: Problems = [];
  if (!isRecord(card)) return ['card: is not a JSON object.'];
  if (card.type !== 'AdaptiveCard') out.push('card: type must be "AdaptiveCard".');
  if (card.version !== '1.5') {
    out.push('card: version must be exactly "1.5" (Teams draws up to 1.5 and Action.Execute needs it).');
  }
  checkKeys(card, ROOT_CARD_KEYS, 'card', out);
  lintCardContent(card, 'card', out);
  if (card.refresh !== undefined) lintRefresh(card.refresh, 'card.refresh', out);
  if (card.msteams !== undefined) {
    if (isRecord(card.msteams)) checkKeys(card.msteams, MSTEAMS_KEYS, 'card.msteams', out);
    else out.push('card.msteams: must be an object.');
  }
  const size = cardSizeBytes(card);
  if (size > CARD_SIZE_BUDGET_BYTES) {
    out.push(`card: is ${size} bytes as UTF-16, over the ${CARD_SIZE_BUDGET_BYTES}-byte budget for a Teams message.`);
  }
  return out;
}

function lintCardContent(card: Json, path: string, out: Problems): void {
  lintEach(card.body, `${path}.body`, out, lintElement);
  if (card.actions !== undefined) lintEach(card.actions, `${path}.actions`, out, lintButton);
}

function lintEach(list: unknown, path: string, out: Problems, lintOne: (item: unknown, path: string, out: Problems) => void): void {
  if (!Array.isArray(list)) out.push(`${path}: must be a list.`);
  else list.forEach((item, index) => lintOne(item, `${path}[${index}]`, out));
}

function checkKeys(object: Json, allowed: ReadonlySet<string>, at: string, out: Problems): void {
  for (const key of Object.keys(object)) {
    if (!allowed.has(key)) out.push(`${at}: unknown property ${JSON.stringify(key)}.`);
  }
}

function lintElement(element: unknown, path: string, out: Problems): void {
  if (!isRecord(element) || typeof element.type !== 'string') {
    out.push(`${path}: is not an element with a type.`);
    return;
  }
  const type = element.type;
  const at = `${path} (${type})`;
  if (isTeamsOnlyElement(type)) {
    lintTeamsOnly(element, path, at, out);
    return;
  }
  const allowed = ELEMENT_KEYS.get(type);
  if (!allowed) {
    out.push(`${at}: unknown element type; Teams may not draw it.`);
    return;
  }
  checkKeys(element, allowed, at, out);
  if (element.fallback !== undefined && element.fallback !== 'drop') lintElement(element.fallback, `${path}.fallback`, out);

  switch (type) {
    case 'TextBlock':
      return lintMarkdownText(element.text, `${at}.text`, out);
    case 'RichTextBlock':
      return lintEach(element.inlines, `${path}.inlines`, out, lintTextRun);
    case 'FactSet':
      return lintEach(element.facts, `${path}.facts`, out, lintFact);
    case 'Image':
      if (!nonEmpty(element.altText)) out.push(`${at}: needs altText, so screen readers can describe it.`);
      if (typeof element.url !== 'string' || !/^https:\/\//i.test(element.url)) out.push(`${at}: url must be an https:// address.`);
      return;
    case 'Container':
      lintEach(element.items, `${path}.items`, out, lintElement);
      if (element.selectAction !== undefined) lintAction(element.selectAction, `${path}.selectAction`, out, 'selectAction');
      return;
    case 'ColumnSet':
      return lintEach(element.columns, `${path}.columns`, out, lintColumn);
    case 'ActionSet':
      return lintEach(element.actions, `${path}.actions`, out, lintButton);
    default:
      return lintInput(element, type, at, path, out);
  }
}

function lintTeamsOnly(element: Json, path: string, at: string, out: Problems): void {
  const fallback = element.fallback;
  if (!isRecord(fallback) || (fallback.type !== 'TextBlock' && fallback.type !== 'RichTextBlock')) {
    out.push(`${at}: Teams-only element needs a fallback TextBlock or RichTextBlock, so other clients still show the information.`);
    return;
  }
  lintElement(fallback, `${path}.fallback`, out);
}

function lintColumn(column: unknown, path: string, out: Problems): void {
  if (!isRecord(column) || column.type !== 'Column') {
    out.push(`${path}: must be a Column.`);
    return;
  }
  checkKeys(column, COLUMN_KEYS, `${path} (Column)`, out);
  lintEach(column.items, `${path}.items`, out, lintElement);
}

function lintTextRun(run: unknown, path: string, out: Problems): void {
  if (!isRecord(run) || run.type !== 'TextRun') {
    out.push(`${path}: must be a TextRun.`);
    return;
  }
  checkKeys(run, TEXT_RUN_KEYS, `${path} (TextRun)`, out);
  if (typeof run.text !== 'string') out.push(`${path} (TextRun): text must be a string.`);
  else lintMacros(run.text, `${path} (TextRun).text`, out);
}

function lintFact(fact: unknown, path: string, out: Problems): void {
  if (!isRecord(fact)) {
    out.push(`${path}: must be a fact with a title and a value.`);
    return;
  }
  checkKeys(fact, FACT_KEYS, path, out);
  lintMarkdownText(fact.title, `${path}.title`, out);
  lintMarkdownText(fact.value, `${path}.value`, out);
}

function lintInput(input: Json, type: string, at: string, path: string, out: Problems): void {
  if (!nonEmpty(input.id)) out.push(`${at}: needs an id, so its value reaches the bot.`);
  if (type === 'Input.Toggle') {
    if (!nonEmpty(input.title)) out.push(`${at}: needs a title next to the switch.`);
    return;
  }
  if (!nonEmpty(input.label)) out.push(`${at}: needs a label, so screen readers can name it.`);
  if (type === 'Input.ChoiceSet') {
    const peoplePicker = input['choices.data'] !== undefined;
    if (peoplePicker && !isPeopleQuery(input['choices.data'])) out.push(`${at}: choices.data must be Teams' people search of this chat.`);
    if (!Array.isArray(input.choices) || (input.choices.length === 0 && !peoplePicker)) out.push(`${at}: needs at least one choice.`);
    else lintEach(input.choices, `${path}.choices`, out, lintChoice);
  }
}

/** Teams' people picker (a Teams extension of Input.ChoiceSet), limited to people in this chat. */
function isPeopleQuery(value: unknown): boolean {
  return isRecord(value) && value.type === 'Data.Query' && value.dataset === 'graph.microsoft.com/users?scope=currentContext' && Object.keys(value).length === 2;
}

function lintChoice(choice: unknown, path: string, out: Problems): void {
  if (!isRecord(choice) || typeof choice.title !== 'string' || typeof choice.value !== 'string') {
    out.push(`${path}: must be a choice with a title and a value.`);
    return;
  }
  checkKeys(choice, CHOICE_KEYS, path, out);
}

function lintButton(action: unknown, path: string, out: Problems): void {
  lintAction(action, path, out, 'button');
}

function lintAction(action: unknown, path: string, out: Problems, place: ActionPlace): void {
  if (!isRecord(action) || typeof action.type !== 'string') {
    out.push(`${path}: is not an action with a type.`);
    return;
  }
  const at = `${path} (${action.type})`;
  const allowed = ACTION_KEYS.get(action.type);
  if (!allowed) {
    out.push(`${at}: unknown action type; use Action.Execute, Action.OpenUrl or Action.ShowCard.`);
    return;
  }
  checkKeys(action, allowed, at, out);
  if (place === 'button' && !nonEmpty(action.title)) out.push(`${at}: a button needs a title people can read.`);
  if (action.fallback !== undefined && action.fallback !== 'drop') lintAction(action.fallback, `${path}.fallback`, out, place);

  if (action.type === 'Action.Execute') {
    if (action.verb === undefined) out.push(`${at}: has no verb; every Action.Execute needs one from verbs.ts.`);
    else if (!isVerb(action.verb)) out.push(`${at}: its verb is not one of the verbs in verbs.ts.`);
    if (action.data !== undefined && !isRecord(action.data)) {
      out.push(`${at}: data must be an object, so Teams can merge input values into it.`);
    }
  } else if (action.type === 'Action.OpenUrl') {
    if (typeof action.url !== 'string' || !/^https:\/\//i.test(action.url)) out.push(`${at}: url must be an https:// address.`);
  } else if (place !== 'button') {
    out.push(`${at}: a ShowCard can only be a button.`);
  } else if (!isRecord(action.card) || action.card.type !== 'AdaptiveCard') {
    out.push(`${at}: card must be an AdaptiveCard.`);
  } else {
    checkKeys(action.card, SHOWN_CARD_KEYS, `${path}.card`, out);
    lintCardContent(action.card, `${path}.card`, out);
  }
}

function lintRefresh(refresh: unknown, path: string, out: Problems): void {
  if (!isRecord(refresh)) {
    out.push(`${path}: must be an object.`);
    return;
  }
  checkKeys(refresh, REFRESH_KEYS, path, out);
  if (!isRecord(refresh.action) || refresh.action.type !== 'Action.Execute') {
    out.push(`${path}.action: must be an Action.Execute.`);
  } else {
    lintAction(refresh.action, `${path}.action`, out, 'refresh');
  }
  const userIds = refresh.userIds;
  if (userIds === undefined) return;
  if (!Array.isArray(userIds)) {
    out.push(`${path}.userIds: must be a list.`);
    return;
  }
  if (userIds.length > MAX_REFRESH_USER_IDS) {
    out.push(`${path}.userIds: lists ${userIds.length} people; Teams shows a personal view to at most ${MAX_REFRESH_USER_IDS}.`);
  }
  userIds.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || !/^29:\S+$/.test(id)) {
      out.push(`${path}.userIds[${index}]: is not a Teams user id (those start with "29:").`);
    }
  });
}
