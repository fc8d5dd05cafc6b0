/**
 * Shows an Adaptive Card inside the tab: a card the bot answered an action with (a form, a
 * confirmation, thanks) or a preview. Buttons on it go back to the server through `onPress`, so a
 * form filled in the panel does exactly what the same form does in the chat.
 */
import { makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { CardJson } from '../api/viewTypes';
import type { CardPress } from './cardHost';
import { useAppTheme } from '../appTheme';

const useStyles = makeStyles({
  host: {
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
    '& .ac-adaptiveCard': { borderRadius: tokens.borderRadiusMedium },
    '& .ac-pushButton': {
      minHeight: '32px',
      padding: '4px 12px',
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `1px solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      cursor: 'pointer',
      overflow: 'visible',
      whiteSpace: 'normal',
    },
    '& .ac-pushButton.style-positive, & .ac-pushButton.primary': {
      color: tokens.colorNeutralForegroundOnBrand,
      backgroundColor: tokens.colorBrandBackground,
      border: '1px solid transparent',
    },
    '& .ac-pushButton.style-destructive': { color: tokens.colorPaletteRedForeground1 },
    '& .ac-pushButton:hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    '& .ac-pushButton.style-positive:hover, & .ac-pushButton.primary:hover': { backgroundColor: tokens.colorBrandBackgroundHover },
    '& .ac-input, & select, & textarea, & input': {
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `1px solid ${tokens.colorNeutralStrokeAccessible}`,
      borderRadius: tokens.borderRadiusMedium,
      padding: '4px 8px',
      boxSizing: 'border-box',
    },
    // Touch targets of at least 24 px (WCAG 2.2 target size) for the choice buttons.
    '& input[type="radio"], & input[type="checkbox"]': { width: '24px', height: '24px', margin: '0 8px 0 0', flexShrink: 0 },
    '& button:focus-visible, & input:focus-visible, & select:focus-visible, & textarea:focus-visible': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
});

interface Props {
  readonly card: CardJson;
  /** Absent for previews: the buttons are drawn but do nothing. */
  readonly onPress?: (press: CardPress) => void;
  /** Names the card for screen readers. */
  readonly label: string;
  /** Draw with this theme rather than the page's (the consent preview shows all three). */
  readonly theme?: Theme;
  readonly width?: number;
}

export function AdaptiveCardView({ card, onPress, label, theme, width }: Props) {
  const styles = useStyles();
  const pageTheme = useAppTheme();
  const target = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const drawWith = theme ?? pageTheme;

  useEffect(() => {
    let cancelled = false;
    void import('./cardHost').then(({ renderCard }) => {
      const host = target.current;
      if (cancelled || !host) return;
      const rendered = renderCard(card, drawWith, onPress);
      host.replaceChildren();
      if (rendered.ok) host.appendChild(rendered.element);
      setFailed(!rendered.ok);
    });
    return () => {
      cancelled = true;
    };
  }, [card, drawWith, onPress]);

  return (
    <section aria-label={label} className={styles.host} style={width ? { width: `${width}px`, maxWidth: '100%' } : undefined}>
      {failed ? <p>This card could not be shown here. You can find it in the meeting chat.</p> : null}
      <div ref={target} />
    </section>
  );
}
