/**
 * What `unsaid` posts in the shared chat. It is neutral: it names nobody, holds no box to type
 * in (a shared screen would show the words) and anyone may press it. "Write something" returns
 * the writing card to the presser only; "I need a pause" is anonymous like a note.
 */
import { voicesStrings } from './strings/voices.en-GB';
import { enGB, type CardStrings } from './strings.en-GB';
import type { AdaptiveCard } from './types';
import { pauseSection, unsaidHonesty, type UnsaidView } from './unsaidCard';

export function unsaidInviteCard(view: UnsaidView, strings: CardStrings = enGB): AdaptiveCard {
  const text = strings.unsaid;
  const invite = voicesStrings.invite;
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${text.title}. ${text.facilitatorsRead} ${text.cannotDelete} ${text.noName}`,
    body: [
      { type: 'TextBlock', text: text.title, style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: text.intro, wrap: true },
      unsaidHonesty(view, strings),
      { type: 'TextBlock', text: invite.howItWorks, wrap: true },
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.Execute', verb: 'unsaid.open', title: invite.writeButton, data: { sessionKey: view.sessionKey } }],
      },
      ...pauseSection(view.sessionKey, strings),
    ],
  };
}
