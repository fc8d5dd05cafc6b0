/**
 * An Adaptive Cards host config drawn from the Fluent theme in use, so a card answer in the side
 * panel and the consent preview look as they would in Teams in the same theme: text and
 * background colours from the theme's tokens, Segoe UI, Teams-like spacing.
 */
import type { Theme } from '@fluentui/react-components';

function colours(theme: Theme) {
  const text = (base: string, subtle: string) => ({ default: base, subtle });
  return {
    default: text(theme.colorNeutralForeground1, theme.colorNeutralForeground2),
    dark: text(theme.colorNeutralForeground1, theme.colorNeutralForeground2),
    light: text(theme.colorNeutralForeground1, theme.colorNeutralForeground2),
    accent: text(theme.colorBrandForeground1, theme.colorBrandForeground2),
    good: text(theme.colorPaletteGreenForeground1, theme.colorPaletteGreenForeground2),
    warning: text(theme.colorPaletteDarkOrangeForeground1, theme.colorPaletteDarkOrangeForeground2),
    attention: text(theme.colorPaletteRedForeground1, theme.colorPaletteRedForeground2),
  };
}

export function hostConfigFor(theme: Theme): Record<string, unknown> {
  const foregroundColors = colours(theme);
  const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors });
  return {
    fontFamily: theme.fontFamilyBase,
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 12 },
    separator: { lineThickness: 1, lineColor: theme.colorNeutralStroke2 },
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: style(theme.colorNeutralBackground1),
      emphasis: style(theme.colorNeutralBackground3),
      accent: style(theme.colorBrandBackground2),
      good: style(theme.colorPaletteGreenBackground1),
      warning: style(theme.colorPaletteYellowBackground1),
      attention: style(theme.colorPaletteRedBackground1),
    },
    actions: { maxActions: 8, spacing: 'default', buttonSpacing: 8, actionsOrientation: 'vertical', actionAlignment: 'stretch', showCard: { actionMode: 'inline' } },
    inputs: {
      label: {
        inputSpacing: 'small',
        requiredInputs: { weight: 'bolder', suffix: ' (required)', suffixColor: 'default' },
        optionalInputs: { weight: 'bolder' },
      },
      errorMessage: { size: 'default', weight: 'default', color: 'attention' },
    },
  };
}
