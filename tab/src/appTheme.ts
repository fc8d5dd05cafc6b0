/** The Fluent theme in use, for the few places that need its values (the Adaptive Card host). */
import { webLightTheme, type Theme } from '@fluentui/react-components';
import { createContext, useContext } from 'react';

export const AppThemeContext = createContext<Theme>(webLightTheme);

export function useAppTheme(): Theme {
  return useContext(AppThemeContext);
}
