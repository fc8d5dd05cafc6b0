/** The outcome of the last change, read out by screen readers as it appears. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export function StatusLine({ outcome, testId }: { readonly outcome: { readonly ok: boolean; readonly message: string } | undefined; readonly testId?: string }) {
  return (
    <div role="status" aria-live="polite" data-testid={testId}>
      {outcome ? (
        <MessageBar intent={outcome.ok ? 'success' : 'error'} layout="multiline">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
