/**
 * "What would help you take part?": a neutral prompt for the meeting chat (anyone may press it)
 * and the form it opens, seen only by the presser. Facilitators also get a part for recording
 * someone else's needs, which needs a tick to say that person agreed.
 */
import type { AccessNeed } from '../core/accessNeeds';
import { followUpStrings } from './strings/followUp.en-GB';
import type { AdaptiveCard, CardElement, ExecuteAction } from './types';

const text = followUpStrings.access;
const NEEDS = ['easyRead', 'moreBreaks', 'captions', 'bsl', 'preReads'] as const;

export const ACCESS_INPUTS = { needPrefix: 'need.', other: 'otherNeeds', forPerson: 'forPerson', agreed: 'theyAgreed' } as const;

export function accessPromptCard(sessionKey: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: text.title, style: 'heading', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.prompt, wrap: true, isSubtle: true },
    ],
    actions: [{ type: 'Action.Execute', verb: 'access.open', title: text.openButton, data: { sessionKey } }],
  };
}

export function accessFormCard(view: { readonly sessionKey: string; readonly needs: readonly AccessNeed[]; readonly other?: string; readonly facilitator: boolean; readonly problem?: string }): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.intro, wrap: true, isSubtle: true },
  ];
  if (view.problem) body.push({ type: 'TextBlock', text: view.problem, wrap: true, color: 'Attention' });
  for (const need of NEEDS) {
    body.push({ type: 'Input.Toggle', id: `${ACCESS_INPUTS.needPrefix}${need}`, title: text.needs[need], value: view.needs.includes(need) ? 'true' : 'false', wrap: true });
  }
  body.push({ type: 'Input.Text', id: ACCESS_INPUTS.other, label: text.other, isMultiline: true, maxLength: 300, ...(view.other ? { value: view.other } : {}) });
  const actions: ExecuteAction[] = [{ type: 'Action.Execute', verb: 'access.save', title: text.save, data: { sessionKey: view.sessionKey } }];
  if (view.facilitator) {
    body.push(
      { type: 'Input.ChoiceSet', id: ACCESS_INPUTS.forPerson, label: text.forSomeone, choices: [], 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users?scope=currentContext' } },
      { type: 'Input.Toggle', id: ACCESS_INPUTS.agreed, title: text.agreed, value: 'false', wrap: true },
    );
    actions.push({ type: 'Action.Execute', verb: 'access.recordFor', title: text.saveFor, data: { sessionKey: view.sessionKey } });
  }
  return { type: 'AdaptiveCard', version: '1.5', body, actions };
}
