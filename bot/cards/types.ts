/**
 * A small typed model of the Adaptive Card 1.5 JSON we send: only the elements and properties our
 * cards use, so a typo in an element or property name fails at compile time. No external
 * dependency; the Teams adapter wraps these plain objects into attachments. Type aliases, not
 * interfaces, so a card is assignable to the ports' plain `CardJson` record. lint.ts keeps an
 * allow-list of the same names for cards checked at run time (keep the two in step).
 */
import type { Verb } from './verbs';

/** Teams renders Adaptive Cards up to 1.5, and Action.Execute needs exactly 1.5. */
export type CardVersion = '1.5';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

// Enum values are case-insensitive in the schema; we use the casing the Designer writes.
export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type TextSize = 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
export type TextWeight = 'Lighter' | 'Default' | 'Bolder';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type HorizontalAlignment = 'Left' | 'Center' | 'Right';

/** Properties every element may carry. */
type ElementBase = {
  readonly id?: string;
  readonly spacing?: Spacing;
  readonly separator?: boolean;
  readonly isVisible?: boolean;
};

/** Markdown is processed here: only our own catalogue strings, never user text (see text.ts). */
export type TextBlock = ElementBase & {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap?: boolean;
  readonly size?: TextSize;
  readonly weight?: TextWeight;
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly style?: 'default' | 'heading';
  readonly maxLines?: number;
  readonly horizontalAlignment?: HorizontalAlignment;
};

/** A TextRun never processes markdown, so user text lives here. */
export type TextRun = {
  readonly type: 'TextRun';
  readonly text: string;
  readonly size?: TextSize;
  readonly weight?: TextWeight;
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly italic?: boolean;
  readonly fontType?: 'Default' | 'Monospace';
};

export type RichTextBlock = ElementBase & {
  readonly type: 'RichTextBlock';
  readonly inlines: readonly TextRun[];
  readonly horizontalAlignment?: HorizontalAlignment;
};

export type Fact = {
  readonly title: string;
  readonly value: string;
};

/** Fact titles and values are markdown too: same rule as TextBlock. */
export type FactSet = ElementBase & {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
};

export type Image = ElementBase & {
  readonly type: 'Image';
  readonly url: string;
  /** Required: screen readers read it, and the lint fails a card without it. */
  readonly altText: string;
  readonly size?: 'Auto' | 'Stretch' | 'Small' | 'Medium' | 'Large';
  readonly horizontalAlignment?: HorizontalAlignment;
};

export type Container = ElementBase & {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: ContainerStyle;
  readonly bleed?: boolean;
  readonly selectAction?: ExecuteAction | OpenUrlAction;
};

export type Column = ElementBase & {
  readonly type: 'Column';
  readonly items: readonly CardElement[];
  readonly width?: 'auto' | 'stretch' | number | `${number}px`;
  readonly style?: ContainerStyle;
  readonly verticalContentAlignment?: 'Top' | 'Center' | 'Bottom';
};

export type ColumnSet = ElementBase & {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
  readonly style?: ContainerStyle;
};

export type ActionSet = ElementBase & {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
};

type InputBase = ElementBase & {
  readonly id: string;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
};

export type TextInput = InputBase & {
  readonly type: 'Input.Text';
  /** Every visible input has a label, for screen readers. */
  readonly label: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly isMultiline?: boolean;
  readonly maxLength?: number;
};

export type Choice = {
  readonly title: string;
  readonly value: string;
};

export type ChoiceSetInput = InputBase & {
  readonly type: 'Input.ChoiceSet';
  readonly label: string;
  readonly choices: readonly Choice[];
  readonly style?: 'compact' | 'expanded';
  readonly isMultiSelect?: boolean;
  readonly value?: string;
  readonly wrap?: boolean;
  /** Teams' people picker: search people in this chat (values are Entra object ids). */
  readonly 'choices.data'?: { readonly type: 'Data.Query'; readonly dataset: 'graph.microsoft.com/users?scope=currentContext' };
};

/** A date picker; Teams gives and takes `YYYY-MM-DD`. */
export type DateInput = InputBase & {
  readonly type: 'Input.Date';
  readonly label: string;
  readonly value?: string;
  readonly min?: string;
  readonly max?: string;
  readonly placeholder?: string;
};

export type ToggleInput = InputBase & {
  readonly type: 'Input.Toggle';
  readonly title: string;
  readonly label?: string;
  readonly value?: 'true' | 'false';
  readonly wrap?: boolean;
};

export type CardElement =
  | TextBlock
  | RichTextBlock
  | FactSet
  | Image
  | Container
  | ColumnSet
  | ActionSet
  | TextInput
  | ChoiceSetInput
  | ToggleInput
  | DateInput;

type ActionBase = {
  readonly title?: string;
  readonly id?: string;
  readonly style?: 'default' | 'positive' | 'destructive';
  readonly tooltip?: string;
};

export type ExecuteAction = ActionBase & {
  readonly type: 'Action.Execute';
  readonly verb: Verb;
  /** Teams merges input values into this object, so it must be an object. */
  readonly data?: { readonly [key: string]: JsonValue };
  readonly associatedInputs?: 'auto' | 'none';
};

export type OpenUrlAction = ActionBase & {
  readonly type: 'Action.OpenUrl';
  readonly url: string;
};

export type ShowCardAction = ActionBase & {
  readonly type: 'Action.ShowCard';
  readonly card: ShownCard;
};

export type CardAction = ExecuteAction | OpenUrlAction | ShowCardAction;

/** Teams shows a user-specific view to the listed people (at most 60 MRIs, `29:…`). */
export type Refresh = {
  readonly action: ExecuteAction;
  readonly userIds?: readonly string[];
};

/** The card opened by Action.ShowCard: it inherits the parent's version and has no refresh. */
export type ShownCard = {
  readonly type: 'AdaptiveCard';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
};

export type AdaptiveCard = {
  readonly type: 'AdaptiveCard';
  readonly version: CardVersion;
  readonly $schema?: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly refresh?: Refresh;
  /** Shown by clients that cannot render the card (and read in notifications). */
  readonly fallbackText?: string;
  readonly speak?: string;
  readonly msteams?: { readonly width?: 'Full' };
};
