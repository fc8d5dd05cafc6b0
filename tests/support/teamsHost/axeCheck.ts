/**
 * Runs axe-core inside the tab's frame (not the host page) against WCAG 2.2 AA and best
 * practice. Fluent's focus sentinels ([data-tabster-dummy]: invisible, hidden from assistive
 * technology, there only to keep focus in order) are left out, as Fluent's own guidance allows.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { ARTIFACTS } from './tabKit';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

interface AxeResultsLike {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** Every violation axe finds; the report is also written under test-artifacts for a person to read. */
export async function axeFindings(tab: Frame, name: string): Promise<AxeFinding[]> {
  await tab.addScriptTag({ content: AXE_SOURCE });
  const results = await tab.evaluate(
    (tags) =>
      (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResultsLike> } }).axe.run(
        { exclude: [['[data-tabster-dummy]']] },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      ),
    TAGS,
  );
  const findings = results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, `axe-${name}.json`), JSON.stringify(findings, null, 2));
  return findings;
}

export function seriousOrWorse(findings: readonly AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}
