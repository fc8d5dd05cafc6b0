/**
 * The property names the card lint accepts, per element and action type. They mirror types.ts:
 * a property that is not here is either a typo or something we have not checked on Teams.
 * Maps (not plain objects) so that a type named "constructor" is not found on the prototype.
 */

const ELEMENT_COMMON = ['type', 'id', 'spacing', 'separator', 'isVisible', 'fallback'];
const INPUT_COMMON = [...ELEMENT_COMMON, 'isRequired', 'errorMessage'];
const ACTION_COMMON = ['type', 'id', 'title', 'style', 'tooltip', 'fallback'];

const keys = (...names: string[]): ReadonlySet<string> => new Set(names);

export const ELEMENT_KEYS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    'TextBlock',
    keys(...ELEMENT_COMMON, 'text', 'wrap', 'size', 'weight', 'color', 'isSubtle', 'style', 'maxLines', 'horizontalAlignment'),
  ],
  ['RichTextBlock', keys(...ELEMENT_COMMON, 'inlines', 'horizontalAlignment')],
  ['FactSet', keys(...ELEMENT_COMMON, 'facts')],
  ['Image', keys(...ELEMENT_COMMON, 'url', 'altText', 'size', 'horizontalAlignment')],
  ['Container', keys(...ELEMENT_COMMON, 'items', 'style', 'bleed', 'selectAction')],
  ['ColumnSet', keys(...ELEMENT_COMMON, 'columns', 'style')],
  ['ActionSet', keys(...ELEMENT_COMMON, 'actions')],
  ['Input.Text', keys(...INPUT_COMMON, 'label', 'placeholder', 'value', 'isMultiline', 'maxLength')],
  ['Input.ChoiceSet', keys(...INPUT_COMMON, 'label', 'choices', 'choices.data', 'style', 'isMultiSelect', 'value', 'wrap')],
  ['Input.Toggle', keys(...INPUT_COMMON, 'title', 'label', 'value', 'wrap')],
  ['Input.Date', keys(...INPUT_COMMON, 'label', 'value', 'min', 'max', 'placeholder')],
]);

export const COLUMN_KEYS = keys(...ELEMENT_COMMON, 'items', 'width', 'style', 'verticalContentAlignment');
export const TEXT_RUN_KEYS = keys('type', 'text', 'size', 'weight', 'color', 'isSubtle', 'italic', 'fontType');
export const FACT_KEYS = keys('title', 'value');
export const CHOICE_KEYS = keys('title', 'value');

export const ACTION_KEYS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Action.Execute', keys(...ACTION_COMMON, 'verb', 'data', 'associatedInputs')],
  ['Action.OpenUrl', keys(...ACTION_COMMON, 'url')],
  ['Action.ShowCard', keys(...ACTION_COMMON, 'card')],
]);

export const ROOT_CARD_KEYS = keys(
  'type',
  'version',
  '$schema',
  'body',
  'actions',
  'refresh',
  'fallbackText',
  'speak',
  'msteams',
);
export const SHOWN_CARD_KEYS = keys('type', 'body', 'actions');
export const REFRESH_KEYS = keys('action', 'userIds');
export const MSTEAMS_KEYS = keys('width');

/** Teams-only elements other clients cannot draw: allowed only with a text fallback. */
export function isTeamsOnlyElement(type: string): boolean {
  return type.startsWith('Chart.');
}
