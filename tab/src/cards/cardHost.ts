/**
 * Renders Adaptive Card JSON with the adaptivecards library and hands its button presses back as
 * (verb, data) pairs, exactly as Teams would send them to the bot: the button's own data merged
 * with the values of the card's inputs. Loaded only when a card has to be shown, so the side
 * panel's first load does not carry the library.
 */
import { AdaptiveCard, ExecuteAction, HostConfig, OpenUrlAction, SubmitAction, type Action } from 'adaptivecards';
import type { Theme } from '@fluentui/react-components';
import { hostConfigFor } from './hostConfig';

export interface CardPress {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type Rendered = { readonly ok: true; readonly element: HTMLElement } | { readonly ok: false };

export function renderCard(json: Readonly<Record<string, unknown>>, theme: Theme, onPress?: (press: CardPress) => void): Rendered {
  const card = new AdaptiveCard();
  card.hostConfig = new HostConfig(hostConfigFor(theme));
  card.onExecuteAction = (action: Action) => {
    if (action instanceof OpenUrlAction) {
      if (action.url && /^https:\/\//.test(action.url)) window.open(action.url, '_blank', 'noopener,noreferrer');
      return;
    }
    if (!onPress) return;
    if (action instanceof ExecuteAction) {
      onPress({ verb: action.verb, data: { ...((action.data as Record<string, unknown> | undefined) ?? {}) } });
    } else if (action instanceof SubmitAction) {
      const data = (action.data as Record<string, unknown> | undefined) ?? {};
      if (typeof data.verb === 'string') onPress({ verb: data.verb, data });
    }
  };
  try {
    card.parse(json);
    const element = card.render();
    if (!element) return { ok: false };
    // The library marks heading text blocks role=heading without a level; cards sit under the
    // tab's own h2 sections, so their headings are level 3.
    element.querySelectorAll('[role="heading"]:not([aria-level])').forEach((heading) => heading.setAttribute('aria-level', '3'));
    // Read-only previews: buttons are shown as they look, but do nothing.
    if (!onPress) element.querySelectorAll('button').forEach((button) => button.setAttribute('aria-disabled', 'true'));
    return { ok: true, element };
  } catch {
    return { ok: false };
  }
}
