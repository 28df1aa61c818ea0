// Line icons for the incident screens (24×24 grid, currentColor), decorative: text carries the meaning.
import type { ReactNode } from 'react';
import type { TimelineKind } from '../../../../electron/contract';

function Glyph({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width={size} height={size} fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

const kindPaths: Partial<Record<TimelineKind, ReactNode>> = {
  declared: (
    <>
      <path d="M5 21V4" />
      <path d="M5 4h11l-2 4 2 4H5" />
    </>
  ),
  note: (
    <>
      <path d="M5 4h14v12l-4 4H5z" />
      <path d="M9 9h6M9 13h4" />
    </>
  ),
  status_changed: (
    <>
      <path d="M4 12h13" />
      <path d="m13 7 5 5-5 5" />
    </>
  ),
  severity_changed: (
    <>
      <path d="M12 3 3 20h18z" />
      <path d="M12 10v4" />
    </>
  ),
  roles_changed: (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M3 20c.8-3.5 3.2-5 6-5s5.2 1.5 6 5" />
      <path d="M16 5.5a3 3 0 0 1 0 5.5M18 15c1.6.6 2.6 2 3 5" />
    </>
  ),
  page_received: (
    <>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 21h4" />
    </>
  ),
  runbook_step: (
    <>
      <path d="M5 4h11a3 3 0 0 1 3 3v13H8a3 3 0 0 1-3-3z" />
      <path d="m9 11 2 2 4-4" />
    </>
  ),
  command_run: (
    <>
      <path d="m5 8 4 4-4 4" />
      <path d="M12 17h7" />
    </>
  ),
  evidence_added: <path d="M20 11.5 12 19.5a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.3 8.3a1.7 1.7 0 0 1-2.4-2.4L15 7" />,
  status_update: (
    <>
      <path d="M4 5h16v11H9l-5 4z" />
      <path d="M8 9h8M8 12h5" />
    </>
  ),
  action_item: (
    <>
      <rect x="4" y="4" width="16" height="16" rx="3" />
      <path d="m8 12 3 3 5-6" />
    </>
  ),
  postmortem_updated: (
    <>
      <path d="M6 3h9l4 4v14H6z" />
      <path d="M9 12h7M9 16h5M14 3v5h5" />
    </>
  ),
  correction: (
    <>
      <path d="M4 20h4L19 9l-4-4L4 16z" />
      <path d="m13 7 4 4" />
    </>
  ),
};

export function KindIcon({ kind }: { kind: TimelineKind }) {
  const fallback = kind.startsWith('runbook') ? kindPaths.runbook_step : <circle cx="12" cy="12" r="4" />;
  return <Glyph>{kindPaths[kind] ?? fallback}</Glyph>;
}

export const BackIcon = () => (
  <Glyph>
    <path d="M19 12H5" />
    <path d="m11 6-6 6 6 6" />
  </Glyph>
);

export const PlusIcon = () => (
  <Glyph>
    <path d="M12 5v14M5 12h14" />
  </Glyph>
);

export const AttachIcon = () => <Glyph>{kindPaths.evidence_added}</Glyph>;

export const ExportIcon = () => (
  <Glyph>
    <path d="M12 4v11" />
    <path d="m7 10 5 5 5-5" />
    <path d="M5 20h14" />
  </Glyph>
);

export const ShieldIcon = () => (
  <Glyph>
    <path d="M12 3 5 6v6c0 4.2 3 7.6 7 9 4-1.4 7-4.8 7-9V6z" />
    <path d="m9 12 2 2 4-4" />
  </Glyph>
);

export const ClockIcon = () => (
  <Glyph>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 7.5V12l3 2" />
  </Glyph>
);

export const AlertIcon = () => (
  <Glyph>
    <path d="M12 3 2.5 20h19z" />
    <path d="M12 10v4.5M12 17.5h.01" />
  </Glyph>
);

export const SearchIcon = () => (
  <Glyph>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m20 20-4.2-4.2" />
  </Glyph>
);
