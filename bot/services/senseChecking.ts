/**
 * The sense checks ("here is what we heard"): posting one (typed or from a form), answering,
 * answers recorded by a facilitator for someone, closing, and the coalesced public tally.
 */
import type { Capability } from './capability';
import { answerSenseCheck } from './senseCheckAnswering';
import { closeSenseCheckAction } from './senseCheckClosing';
import { openSenseCheckForm, typedSenseCheck } from './senseCheckPosting';
import { recordForSomeone } from './senseCheckRecording';
import { TALLY_RENDERER, tallyRenderer } from './senseCheckViews';

export const senseCheckingCapability: Capability = {
  commands: { 'sense check': typedSenseCheck },
  verbs: {
    'senseCheck.open': openSenseCheckForm,
    'senseCheck.answer': answerSenseCheck,
    'senseCheck.close': closeSenseCheckAction,
    'answer.recordForSomeone': recordForSomeone,
  },
  cardRenderers: { [TALLY_RENDERER]: tallyRenderer },
};
