// Tabs for the incident's working panels. Every panel stays mounted (hidden when not selected) so a half-
// written update or post-mortem survives switching. Arrow keys move between tabs.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface SideTab<Id extends string> {
  id: Id;
  label: string;
  badge?: string;
  content: ReactNode;
}

export function SideTabs<Id extends string>({ tabs, selected, onSelect, label }: { tabs: SideTab<Id>[]; selected: Id; onSelect: (id: Id) => void; label: string }) {
  const base = useId();
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const next = event.key === 'ArrowRight' ? at + 1 : event.key === 'ArrowLeft' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-tab="${tab.id}"]`)?.focus();
  };

  return (
    <div className="side-tabs">
      <div role="tablist" aria-label={label} className="side-tablist" ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            data-tab={tab.id}
            id={`${base}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${base}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="side-tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.badge && <span className="side-tab-badge">{tab.badge}</span>}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`${base}-panel-${tab.id}`} aria-labelledby={`${base}-tab-${tab.id}`} hidden={tab.id !== selected} className="side-panel" tabIndex={0}>
          {tab.content}
        </div>
      ))}
    </div>
  );
}
