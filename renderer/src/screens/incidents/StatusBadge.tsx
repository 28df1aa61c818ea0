// The lifecycle status as a badge, with a glyph so it never depends on colour alone.
import type { IncidentStatus } from '../../../../electron/contract';
import { statusLabel } from './statusLabels';

const glyphs: Record<IncidentStatus, string> = {
  detected: '●',
  acknowledged: '◐',
  investigating: '◔',
  mitigating: '◑',
  monitoring: '◕',
  resolved: '✓',
  closed: '■',
};

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <span className={`inc-badge status-badge status-${status}`}>
      <span aria-hidden="true" className="badge-glyph">
        {glyphs[status]}
      </span>
      {statusLabel(status)}
    </span>
  );
}
