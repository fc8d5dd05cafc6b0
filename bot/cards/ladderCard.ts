/**
 * The co-production ladder, explained in plain words: a neutral prompt in the meeting chat whose
 * button gives a facilitator the form privately, the form itself, and the card that asks everyone
 * for their own view (each answer is seen only by the person who gave it).
 */
import type { Rung } from '../core/ladder';
import { followUpStrings } from './strings/followUp.en-GB';
import type { AdaptiveCard, CardElement } from './types';

const text = followUpStrings.ladder;
const RUNGS = ['coercion', 'educating', 'informing', 'consultation', 'engagement', 'coDesign', 'coProduction'] as const;
export const LADDER_INPUTS = { rung: 'ladderRung', askEveryone: 'askEveryone' } as const;

/** The seven rungs, top first, each with its plain explanation. */
function rungList(): CardElement[] {
  return [...RUNGS].reverse().map((rung, i) => ({
    type: 'TextBlock' as const,
    text: `**${RUNGS.length - i}. ${text.rungs[rung]}**: ${text.explained[rung]}`,
    wrap: true,
    spacing: 'Small' as const,
  }));
}

function rungChoices(id: string, label: string, value?: Rung): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'expanded',
    isRequired: true,
    errorMessage: label,
    ...(value ? { value } : {}),
    choices: [...RUNGS].reverse().map((r) => ({ title: text.rungs[r], value: r })),
  };
}

export function ladderPromptCard(sessionKey: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.intro, wrap: true },
      { type: 'TextBlock', text: text.prompt, wrap: true, isSubtle: true },
    ],
    actions: [{ type: 'Action.Execute', verb: 'ladder.open', title: text.openButton, data: { sessionKey } }],
  };
}

export function ladderFormCard(view: { readonly sessionKey: string; readonly rung?: Rung; readonly problem?: string }): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: text.intro, wrap: true },
    ...rungList(),
  ];
  if (view.problem) body.push({ type: 'TextBlock', text: view.problem, wrap: true, color: 'Attention' });
  body.push(rungChoices(LADDER_INPUTS.rung, text.choose, view.rung));
  body.push({ type: 'Input.Toggle', id: LADDER_INPUTS.askEveryone, title: text.askEveryone, value: 'false' });
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body,
    actions: [{ type: 'Action.Execute', verb: 'ladder.place', title: text.save, data: { sessionKey: view.sessionKey } }],
  };
}

export function ladderVoteCard(sessionKey: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: text.voteTitle, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.intro, wrap: true },
      ...rungList(),
      { type: 'TextBlock', text: text.voteIntro, wrap: true, isSubtle: true },
      rungChoices(LADDER_INPUTS.rung, text.choose),
    ],
    actions: [{ type: 'Action.Execute', verb: 'ladder.vote', title: text.voteButton, data: { sessionKey } }],
  };
}
