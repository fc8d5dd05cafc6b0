/**
 * Notes, wrap-up (next steps, follow-up date, "see what you gave today") and plain-English
 * suggestions to facilitators. Each part lives in its own file; this wires them to the dispatcher.
 */
import type { Capability } from './capability';
import { noteCommand, noteSaveVerb } from './notes';
import { plainEnglishIgnoreVerb } from './plainEnglishWarnings';
import { myContributionVerb } from './wrapUpContribution';
import { wrapUpCommand, wrapUpSaveVerb, wrapUpStartVerb } from './wrapUpSteps';

export { warnAboutWording, type WordingText } from './plainEnglishWarnings';

export const wrapUpCapability: Capability = {
  commands: { note: noteCommand, 'wrap up': wrapUpCommand },
  verbs: {
    'note.save': noteSaveVerb,
    'wrapUp.start': wrapUpStartVerb,
    'wrapUp.save': wrapUpSaveVerb,
    'wrapUp.myContribution': myContributionVerb,
    'plainEnglish.ignore': plainEnglishIgnoreVerb,
  },
};
