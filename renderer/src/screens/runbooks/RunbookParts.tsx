// Small pieces the runbook library and guided runs share: command blocks with a Copy button, badges for a
// runbook's origin and a step's requirements, and UTC times.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RunbookStep, RunbookSummary } from '../../../../electron/contract';
import '../../styles/runbooks.css';
import { copyText } from './clipboard';

/** Requirements that cannot be met without a network (the console knows when it is offline). */
export const networkRequirements: ReadonlySet<string> = new Set(['network', 'vpn', 'internet', 'hub']);

const requirementLabels: Record<string, string> = {
  network: 'Network',
  vpn: 'VPN',
  kubectl: 'kubectl',
  psql: 'psql',
  'cloud-cli': 'Cloud CLI',
  internet: 'Internet',
  hub: 'Team hub',
};

export function needsNetwork(step: Pick<RunbookStep, 'requires'>): boolean {
  return (step.requires ?? []).some((requirement) => networkRequirements.has(requirement));
}

export function OriginBadge({ origin }: { origin: RunbookSummary['origin'] }) {
  return <span className={`rb-badge rb-origin-${origin}`}>{origin === 'built-in' ? 'Built-in' : 'Your folder'}</span>;
}

export function RequiresBadges({ requires, offline }: { requires: RunbookStep['requires']; offline: boolean }) {
  if (!requires?.length) return null;
  return (
    <ul className="rb-requires" aria-label="Needs">
      {requires.map((requirement) => {
        const unavailable = offline && networkRequirements.has(requirement);
        return (
          <li key={requirement} className={unavailable ? 'rb-badge rb-badge-bad' : 'rb-badge'}>
            {requirementLabels[requirement] ?? requirement}
            {unavailable && <span className="rb-visually-hidden"> (not available offline)</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function BreakGlassBadge() {
  return (
    <span className="rb-badge rb-badge-warn" title="Type the target's name and a reason before running this step">
      Break-glass
    </span>
  );
}

/** A button that copies `text` and says so for a moment (visibly and to screen readers). */
export function CopyButton({ text, label, children = 'Copy', onCopied }: { text: string; label: string; children?: ReactNode; onCopied?: (ok: boolean) => void }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | undefined>();
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async () => {
    const ok = await copyText(text);
    setOutcome(ok ? 'copied' : 'failed');
    onCopied?.(ok);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setOutcome(undefined), 2500);
  };
  return (
    <span className="rb-copy">
      <button type="button" className="rb-button rb-button-small" aria-label={label} onClick={() => void copy()}>
        {outcome === 'copied' ? 'Copied' : children}
      </button>
      <span role="status" className={outcome === 'failed' ? 'rb-copy-status rb-text-bad' : 'rb-copy-status rb-visually-hidden'}>
        {outcome === 'copied' ? 'Copied to the clipboard' : outcome === 'failed' ? 'Could not copy: select the text and press Ctrl+C' : ''}
      </span>
    </span>
  );
}

/** A command shown in full, in monospace, with a Copy button. */
export function CommandBlock({ command, copyLabel, copyText: textToCopy = command, caption = 'Command' }: { command: string; copyLabel: string; copyText?: string; caption?: string }) {
  return (
    <div className="rb-command">
      <div className="rb-command-head">
        <span className="rb-command-caption">{caption}</span>
        <CopyButton text={textToCopy} label={copyLabel} />
      </div>
      <pre className="rb-command-text">
        <code>{command}</code>
      </pre>
    </div>
  );
}

/** "14:03:22 UTC" today, "12 Mar 14:03 UTC" on another day. */
export function formatUtc(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = date.toISOString().slice(11, 19);
  if (date.toISOString().slice(0, 10) === now.toISOString().slice(0, 10)) return `${time} UTC`;
  const month = date.toLocaleString('en', { month: 'short', timeZone: 'UTC' });
  return `${date.getUTCDate()} ${month} ${time.slice(0, 5)} UTC`;
}

