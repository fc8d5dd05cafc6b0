/**
 * The verbs behind the side panel's controls: the same Action.Execute verbs the chat's cards use
 * (bot/cards/verbs.ts), so the server runs the same permission checks and services for both.
 */
export const PANEL_VERBS = {
  next: 'agenda.next',
  back: 'agenda.back',
  extend: 'agenda.extend',
  pause: 'agenda.pause',
  resume: 'agenda.resume',
  startBreak: 'break.start',
  skipBreak: 'break.skip',
  // Posts the purpose card in the meeting chat, as the typed `purpose` command does.
  postPurpose: 'purpose.post',
  recap: 'recap.show',
  senseCheck: 'senseCheck.open',
  recordAnswer: 'answer.recordForSomeone',
  wrapUp: 'wrapUp.start',
  confirmAsked: 'consent.confirmClearToRecord',
  unsaid: 'unsaid.send',
  pauseRequest: 'break.requestPause',
} as const;

/** The input id of the anonymous note on the unsaid card (bot/cards/unsaidCard.ts). */
export const UNSAID_INPUT_ID = 'unsaidText';
