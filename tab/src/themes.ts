/**
 * Teams' three themes as Fluent UI v9 themes. Teams reports "default", "dark" or "contrast";
 * teams.ts maps anything else to "default".
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from './teams';

export function fluentTheme(name: ThemeName): Theme {
  switch (name) {
    case 'dark':
      return webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return webLightTheme;
  }
}
