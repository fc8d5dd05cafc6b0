/**
 * Reads what the tab needs from a card the server answered with: the values of its inputs (to
 * fill in a form the same way the chat's form is filled in) and the data of one of its buttons.
 */
import type { CardJson } from '../api/viewTypes';

function visit(node: unknown, found: (element: Readonly<Record<string, unknown>>) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) visit(child, found);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const element = node as Readonly<Record<string, unknown>>;
  found(element);
  for (const key of ['body', 'items', 'columns', 'actions', 'card']) visit(element[key], found);
}

/** Each input's current value by id, as text (toggles as "true"/"false", as Teams sends them). */
export function inputValues(card: CardJson): Record<string, string> {
  const values: Record<string, string> = {};
  visit(card, (element) => {
    const type = element.type;
    const id = element.id;
    if (typeof type !== 'string' || !type.startsWith('Input.') || typeof id !== 'string') return;
    const value = element.value;
    if (typeof value === 'string') values[id] = value;
    else if (typeof value === 'boolean' || typeof value === 'number') values[id] = String(value);
    else if (type === 'Input.Toggle') values[id] = 'false';
  });
  return values;
}

/** The data of the first Action.Execute with this verb, if the card has one. */
export function actionData(card: CardJson, verb: string): Readonly<Record<string, unknown>> | undefined {
  let data: Readonly<Record<string, unknown>> | undefined;
  visit(card, (element) => {
    if (data || element.type !== 'Action.Execute' || element.verb !== verb) return;
    data = (element.data as Readonly<Record<string, unknown>> | undefined) ?? {};
  });
  return data;
}
