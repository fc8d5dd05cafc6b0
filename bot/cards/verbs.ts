/**
 * The one list of Action.Execute verbs. Cards use these strings for their buttons and the Teams
 * adapter keys its dispatch table by the same `Verb` type, so a verb cannot exist on one side only.
 * Names are `area.action`; areas follow the typed command vocabulary.
 */
export const VERBS = [
  // Preparing a session
  'setup.open',
  'setup.save',
  'purpose.show',
  'purpose.post', // facilitator, from the side panel: post the purpose in the chat
  'purpose.ask', // facilitator: post "did we do what we came for?"
  'purpose.answer', // "did we do what we came for?" at the end

  // Consent: each person's own choices, changeable at any time
  'consent.give',
  'consent.decline',
  'consent.withdraw',
  'consent.easyRead',
  'consent.confirmClearToRecord', // facilitator: "everyone here has been asked"
  'consent.recordForSomeone', // facilitator records consent given out loud, by phone, on paper or in the room

  // Breaks
  'break.start',
  'break.skip',
  'break.confirmSkip', // skipping a planned break needs a second, deliberate press
  'break.requestPause', // anonymous "I need a pause"

  // Moving through the agenda (facilitators)
  'agenda.open', // the agenda editor form
  'agenda.save',
  'agenda.next',
  'agenda.back',
  'agenda.extend',
  'agenda.pause',
  'agenda.resume',
  'agenda.endEarly',

  // Hearing people
  'recap.show',
  'senseCheck.open', // the form for several statements
  'senseCheck.close',
  'senseCheck.answer',
  'answer.recordForSomeone', // facilitator records an answer given out loud, by phone or on paper
  'note.save',
  'unsaid.open',
  'unsaid.send',
  'attendance.markHere',
  'attendance.markLeft',
  'quietVoices.show',
  'plainEnglish.ignore', // "don't flag this again" for this session

  // Ending and following up
  'wrapUp.start',
  'wrapUp.save',
  'wrapUp.myContribution', // "see what you gave today", answers only the presser
  'digest.show',
  'digest.review', // facilitator: hide or share items, place on the ladder, make the draft again
  'digest.round', // facilitator: share the draft with the group as "here is what we heard"
  'digest.approve',
  'actions.open', // facilitator: "you said, we did" actions, privately
  'actions.save', // facilitator: add an action or change its status
  'actions.link', // facilitator: link an action to the words it grew out of
  'ladder.open',
  'ladder.place', // facilitator: where the session was on the co-production ladder
  'ladder.vote', // each person's own view of the ladder
  'access.open', // "what would help you take part?", privately
  'access.save', // a person's own access needs
  'access.recordFor', // facilitator records access needs for someone, with their agreement

  // A person's own data
  'myData.show',
  'myData.export',
  'myData.erase',

  // Anywhere
  'help.show',
] as const;

export type Verb = (typeof VERBS)[number];

const KNOWN: ReadonlySet<string> = new Set(VERBS);

export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && KNOWN.has(value);
}
