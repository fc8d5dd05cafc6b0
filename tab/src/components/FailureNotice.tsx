/** Why the tab cannot show what was asked, in plain words. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Failure } from '../api/client';
import { text } from '../strings.en-GB';

export function FailureNotice({ failure }: { readonly failure: Failure }) {
  const intent = failure.kind === 'offline' ? 'warning' : failure.kind === 'noSession' ? 'info' : 'error';
  const title = failure.kind === 'noSession' ? text.noSession.heading : undefined;
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="failure">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {failure.message}
      </MessageBarBody>
    </MessageBar>
  );
}
