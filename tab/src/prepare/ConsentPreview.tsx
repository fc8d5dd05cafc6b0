/**
 * A close preview of the consent card people will be asked with: the bot's own card builder and
 * wording, drawn by the adaptivecards library at 320 px (a Teams side panel) in the light, dark
 * and high-contrast themes, with the safeguarding contact as typed above.
 */
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { consentCard } from '../../../bot/cards/consentCard';
import type { ConsentWording } from '../../../bot/cards/consentWording';
import { consentStrings } from '../../../bot/cards/strings/consent.en-GB';
import type { CardJson } from '../api/viewTypes';
import { AdaptiveCardView } from '../cards/AdaptiveCardView';
import { Section } from '../components/Section';
import { text } from '../strings.en-GB';
import type { ThemeName } from '../teams';
import { fluentTheme } from '../themes';

const THEMES: readonly ThemeName[] = ['default', 'dark', 'contrast'];
const PREVIEW_WIDTH = 320;

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  frame: { width: `${PREVIEW_WIDTH}px`, maxWidth: '100%', padding: tokens.spacingHorizontalS, boxSizing: 'border-box', borderRadius: tokens.borderRadiusMedium },
  caption: { margin: `0 0 ${tokens.spacingVerticalS}`, fontWeight: tokens.fontWeightSemibold },
});

/** The standard wording with this contact; the hash the ledger keeps is not needed for a preview. */
function previewWording(contact: string): ConsentWording {
  const cleaned = contact.trim();
  return { variant: 'standard', words: consentStrings.wording.standard, ...(cleaned ? { contact: cleaned } : {}), text: '', hash: '' };
}

export function ConsentPreview({ contact }: { readonly contact: string }) {
  const styles = useStyles();
  const card = useMemo(
    () => consentCard({ sessionKey: 'preview', wording: previewWording(contact), tally: { answered: 0, expected: 0 } }) as unknown as CardJson,
    [contact],
  );
  return (
    <Section title={text.prepare.consentHeading}>
      <p>{text.prepare.consentExplain}</p>
      <div className={styles.row}>
        {THEMES.map((name) => (
          <FluentProvider key={name} theme={fluentTheme(name)} className={styles.frame} data-testid={`consent-preview-${name}`}>
            <p className={styles.caption}>{text.prepare.themeNames[name]}</p>
            <AdaptiveCardView card={card} theme={fluentTheme(name)} label={`${text.prepare.consentHeading}: ${text.prepare.themeNames[name]}`} />
          </FluentProvider>
        ))}
      </div>
    </Section>
  );
}
