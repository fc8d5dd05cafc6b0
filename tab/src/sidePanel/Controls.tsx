/**
 * The facilitator's controls. Each button names the item the panel is showing, as the chat's
 * framework card does, so a press made from an out-of-date view changes nothing.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { FrameworkView } from '../api/viewTypes';
import { text } from '../strings.en-GB';
import { PANEL_VERBS } from './panelVerbs';
import type { Actions } from './useActions';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: tokens.spacingHorizontalS },
  wide: { gridColumn: '1 / -1' },
});

interface ControlButton {
  readonly label: string;
  readonly verb: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly primary?: boolean;
  readonly wide?: boolean;
}

function buttonsFor(framework: FrameworkView): ControlButton[] {
  const first = framework.agenda[0]?.id;
  const current = framework.currentItemId;
  const live = framework.started && !framework.ended && current !== undefined;
  const out: ControlButton[] = [];
  if (!framework.started && first) out.push({ label: text.controls.start, verb: PANEL_VERBS.next, data: { fromItemId: first }, primary: true, wide: true });
  if (live) {
    out.push(
      { label: text.controls.next, verb: PANEL_VERBS.next, data: { fromItemId: current }, primary: true },
      { label: text.controls.back, verb: PANEL_VERBS.back, data: { fromItemId: current } },
      { label: text.controls.extend, verb: PANEL_VERBS.extend, data: { fromItemId: current } },
      framework.paused
        ? { label: text.controls.resume, verb: PANEL_VERBS.resume, data: { fromItemId: current } }
        : { label: text.controls.pause, verb: PANEL_VERBS.pause, data: { fromItemId: current } },
      { label: text.controls.startBreak, verb: PANEL_VERBS.startBreak, data: { fromItemId: current } },
    );
    if (framework.nextBreak?.itemId) out.push({ label: text.controls.skipBreak, verb: PANEL_VERBS.skipBreak, data: { itemId: framework.nextBreak.itemId } });
  }
  if (!framework.ended) {
    out.push(
      { label: text.controls.purpose, verb: PANEL_VERBS.postPurpose },
      { label: text.controls.recap, verb: PANEL_VERBS.recap },
      { label: text.controls.senseCheck, verb: PANEL_VERBS.senseCheck },
    );
  }
  out.push({ label: text.controls.wrapUp, verb: PANEL_VERBS.wrapUp });
  return out;
}

export function Controls({ framework, actions }: { readonly framework: FrameworkView; readonly actions: Actions }) {
  const styles = useStyles();
  return (
    <div className={styles.grid} data-testid="controls">
      {buttonsFor(framework).map((button) => (
        <Button
          key={`${button.verb}|${button.label}`}
          className={button.wide ? styles.wide : undefined}
          appearance={button.primary ? 'primary' : 'secondary'}
          disabledFocusable={actions.busy !== undefined}
          onClick={() => void actions.run(button.verb, button.data)}
        >
          {actions.busy === button.verb ? text.controls.working : button.label}
        </Button>
      ))}
    </div>
  );
}
