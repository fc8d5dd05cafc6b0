/**
 * Every sentence a person reads on a card, in British English. Plain words, short sentences, no
 * jargon and never "service users". Another language is another file of the same shape
 * (`CardStrings`); easy-read variants sit beside the strings they replace.
 *
 * These strings may go into markdown TextBlocks, so they must not contain markdown links, web
 * addresses or `{{…}}` (the card lint checks every card built from them).
 */
import type { CommandWord } from '../core/commandParser';
import type { Level } from '../core/senseCheck';
import type { Audience } from './commandList';

export type WelcomeScope = 'personal' | 'groupChat' | 'meeting' | 'channel';

export const enGB = {
  welcome: {
    title: 'Welcome to Coproduce',
    whatItDoes:
      'Coproduce helps you run co-production sessions in Teams. In a co-production session, everyone designs something together, as equals.',
    howItHelps:
      'It helps with the purpose of the session, consent, breaks, recaps and what happens afterwards.',
    privacy: {
      personal: 'This chat is just between you and Coproduce. Other people cannot see it.',
      groupChat: 'Nothing in this chat is private. Everyone in the chat can see what you type and what Coproduce replies.',
      meeting:
        'Nothing in this meeting chat is private. Everyone in the meeting can see what you type and what Coproduce replies. It stays in the chat after the meeting.',
      channel: 'Nothing in this channel is private. Everyone in the channel can see what you type and what Coproduce replies.',
    } satisfies Record<WelcomeScope, string>,
    howToAskPersonal: 'Type help to see what you can ask.',
    howToAskShared: 'To talk to Coproduce here, start your message with @Coproduce. For example: @Coproduce help',
    helpButton: 'What can I ask?',
  },
  help: {
    title: 'What you can ask Coproduce',
    notUnderstood: 'Sorry, I did not understand that. Here is what I can do.',
    youTyped: 'You typed: ',
    mentionRule: 'In a group chat, meeting chat or channel, start your message with @Coproduce. For example: @Coproduce help',
    audience: {
      everyone: 'Everyone can use',
      facilitators: 'Facilitators can use',
    } satisfies Record<Audience, string>,
    separator: ' – ',
  },
  commands: {
    setup: 'Set up a session for this meeting. The person who sets it up becomes a facilitator.',
    purpose: 'Show everyone what this session is for.',
    consent: 'Choose what you agree to, such as being recorded. You can change your mind at any time.',
    break: 'Start a break now. You can add the number of minutes, for example: break 15',
    next: 'Move on to the next part of the agenda.',
    back: 'Go back to the previous part of the agenda.',
    extend: 'Add 5 minutes to the current part, or the number of minutes you type.',
    pause: 'Pause the session. The clock stops until you resume.',
    resume: 'Carry on after a pause.',
    'end early': 'End the session before its planned time.',
    recap: 'Share a short recap of what we have heard so far.',
    'sense check': 'Ask everyone if a statement matches what they heard.',
    note: 'Save a note for the session record.',
    here: 'Mark someone as here who joined by phone or in the room.',
    'quiet voices': 'See privately who has not had a say yet.',
    unsaid: 'Say something without your name on it. Facilitators will read it.',
    'wrap up': 'End the session: check the purpose, thank people and prepare the summary.',
    digest: 'See the summary of the session before it is shared.',
    'my data': 'See, download or delete what Coproduce keeps about you.',
    help: 'Show this list.',
    actions: 'See and update what we are doing about what people said.',
    ladder: 'Place the session on the co-production ladder.',
    access: 'Tell the facilitators privately what would help you take part.',
    connect: 'Type this in a Teams channel to get session summaries there.',
  } satisfies Record<CommandWord, string>,
  senseCheck: {
    title: 'Here is what we heard',
    intro: 'Does this match what you heard? Choose an answer for each point.',
    statementNumber: 'Point ',
    levels: { agree: 'Agree', partly: 'Partly', disagree: 'Disagree' } satisfies Record<Level, string>,
    missedLabel: 'What did we miss?',
    missedPlaceholder: 'You do not have to write anything',
    missedHint: 'What you write here is sent with your answer. If you write it after answering, press your answer again.',
    // {answered} and {expected} are filled in with numbers.
    answeredOf: '{answered} of {expected} have answered',
    answeredOnlyOne: '1 person has answered',
    answeredOnly: '{answered} people have answered',
    closed: 'This sense check is closed. Thank you for your answers.',
    // The split after closing, e.g. "Agree: 4, Partly: 2, Disagree: 1".
    splitPart: '{level}: {count}',
    splitSeparator: ', ',
    yourAnswerTitle: 'Your answer',
    yourAnswer: 'You said: ',
    notAnswered: 'You have not answered this point yet.',
    yourMissed: 'You said we missed: ',
    changeUntilClosed: 'Only you can see this. You can change your answer until the facilitator closes the sense check.',
    unchanged: 'Your answer is the same as before, so nothing changed.',
    refusedClosed: 'Sorry, this sense check is closed, so your answer was not changed.',
  },
  unsaid: {
    title: 'Say something without your name on it',
    intro: 'If there is something you did not feel able to say, you can write it here.',
    facilitatorsRead: 'The facilitators will read what you write.',
    cannotDelete: 'We cannot delete it later, because we do not know who wrote it.',
    noName: 'Do not put your name in it, or anything else that shows who you are.',
    supportWithContact: 'If something is wrong and you need support, you can contact:',
    supportGeneric:
      'If something is wrong and you need support, ask the meeting organiser who to talk to. You do not have to say why.',
    noTimes: 'Notes are shown in a mixed order, with no names and no times.',
    inputLabel: 'What you want to say',
    inputRequired: 'Write something first, or leave this card alone if you have nothing to add.',
    sendButton: 'Send without my name',
    thanksTitle: 'Thank you',
    thanksNoName: 'Your note has no name on it. The facilitators will read it.',
    thanksCannotDelete: 'Remember, we cannot delete it later, because we do not know who wrote it.',
    writeAnother: 'Write another note',
  },
  pause: {
    button: 'I need a pause',
    explain: 'Press this if you need a break. Facilitators see how many people asked, not who.',
    thanksTitle: 'Thank you for telling us',
    thanksNoName: 'Your request has no name on it. Facilitators see how many people asked for a pause, every few minutes.',
  },
} as const;

/** The shape every locale file has: same keys, any wording. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type CardStrings = Widen<typeof enGB>;
