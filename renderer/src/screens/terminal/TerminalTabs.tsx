// The terminals of one scope (an incident, or the scratch terminals) as tabs: the shown one with its status
// strip and screen, a button for a new one, close (asking first while a shell runs), rename on double-click
// or F2, and arrow keys between tabs (Delete closes the focused one).
import { errorMessage } from '../../../../electron/contract';
import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TerminalInfo } from '../../../../electron/contract';
import { TerminalIcon } from '../../app/icons';
import { Dialog, DialogActions } from '../incidents/Dialog';
import { PlusIcon } from '../incidents/incidentIcons';
import { estimateTerminalSize } from './terminalSize';
import { shownTerminal, terminalsIn, useTerminals } from './terminalStore';
import { TerminalEnded, TerminalStatus } from './TerminalStatus';
import '../../styles/terminal.css';

// xterm.js and its addons load with the first terminal shown, not with the console's first paint.
const XtermView = lazy(() => import('./XtermView').then((module) => ({ default: module.XtermView })));

export function TerminalTabs({ scope, label, emptyText }: { scope: string; label: string; emptyText: string }) {
  const terminals = useTerminals(useShallow((state) => terminalsIn(state.byId, scope)));
  const shown = useTerminals((state) => shownTerminal(state, scope));
  const loaded = useTerminals((state) => state.loaded);
  const loadError = useTerminals((state) => state.loadError);
  const { open, select } = useTerminals.getState();
  const [error, setError] = useState('');
  const [opening, setOpening] = useState(false);
  const [closing, setClosing] = useState<TerminalInfo>();
  const [renaming, setRenaming] = useState<string>();
  /** The terminal just opened here, which gets the keyboard once it is on screen. */
  const [focusId, setFocusId] = useState<string>();
  const rootRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const base = useId();

  const openTerminal = async () => {
    setOpening(true);
    setError('');
    try {
      setFocusId((await open(scope, estimateTerminalSize(rootRef.current))).id);
    } catch (failure) {
      setError(`Could not open a terminal: ${errorMessage(failure)}`);
    } finally {
      setOpening(false);
    }
  };

  const requestClose = (info: TerminalInfo) => {
    if (info.state === 'running') setClosing(info);
    else void closeNow(info);
  };

  const closeNow = async (info: TerminalInfo) => {
    setClosing(undefined);
    try {
      await useTerminals.getState().close(info.id);
    } catch (failure) {
      setError(`Could not close ${info.title}: ${errorMessage(failure)}`);
    }
  };

  const onTabKeyDown = (event: KeyboardEvent, info: TerminalInfo) => {
    const at = terminals.findIndex((candidate) => candidate.id === info.id);
    const keys: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: terminals.length - 1 };
    if (event.key in keys) {
      event.preventDefault();
      const next = terminals[(keys[event.key]! + terminals.length) % terminals.length]!;
      select(scope, next.id);
      listRef.current?.querySelector<HTMLElement>(`[data-terminal="${next.id}"]`)?.focus();
    } else if (event.key === 'Delete') {
      event.preventDefault();
      requestClose(info);
    } else if (event.key === 'F2') {
      event.preventDefault();
      setRenaming(info.id);
    }
  };

  return (
    <section ref={rootRef} className="term-workspace" aria-label={label}>
      <div className="term-tabbar">
        <div role="tablist" aria-label={label} className="term-tablist" ref={listRef}>
          {terminals.map((info) => {
            const selected = info.id === shown?.id;
            return (
              <div key={info.id} className={selected ? 'term-tab term-tab-selected' : 'term-tab'} role="presentation">
                {renaming === info.id ? (
                  <RenameField info={info} onDone={() => setRenaming(undefined)} />
                ) : (
                  <button
                    type="button"
                    role="tab"
                    id={`${base}-tab-${info.id}`}
                    data-terminal={info.id}
                    aria-selected={selected}
                    aria-controls={`${base}-panel`}
                    tabIndex={selected ? 0 : -1}
                    className="term-tab-button"
                    title={`${info.title} — double-click or F2 to rename`}
                    onClick={() => select(scope, info.id)}
                    onDoubleClick={() => setRenaming(info.id)}
                    onKeyDown={(event) => onTabKeyDown(event, info)}
                  >
                    <span className={`term-tab-state term-tab-state-${info.state}`} aria-hidden="true" />
                    <span className="term-tab-title">{info.title}</span>
                    {info.state !== 'running' && <span className="term-visually-hidden"> ({info.state})</span>}
                  </button>
                )}
                {/* Out of the Tab order: the keyboard closes the focused tab with Delete. */}
                <button type="button" className="term-tab-close" aria-label={`Close ${info.title}`} title="Close terminal" tabIndex={-1} onClick={() => requestClose(info)}>
                  <span aria-hidden="true">×</span>
                </button>
              </div>
            );
          })}
        </div>
        <button type="button" className="term-new" aria-label="New terminal" title="New terminal" disabled={opening} onClick={() => void openTerminal()}>
          <PlusIcon />
        </button>
      </div>
      {(error || loadError) && (
        <p role="alert" className="term-callout term-callout-bad">
          {error || `Could not read the terminals: ${loadError}`}
        </p>
      )}
      {shown ? (
        <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${shown.id}`} className="term-panel">
          <TerminalStatus info={shown} />
          <div className="term-screen">
            <Suspense fallback={<p className="term-loading muted">Loading the terminal…</p>}>
              <XtermView key={shown.id} info={shown} autoFocus={shown.id === focusId} />
            </Suspense>
            {shown.state !== 'running' && <TerminalEnded info={shown} />}
          </div>
        </div>
      ) : (
        loaded && (
          <div className="term-empty">
            <div className="term-empty-icon">
              <TerminalIcon />
            </div>
            <p>{emptyText}</p>
            <button type="button" className="button button-primary" disabled={opening} onClick={() => void openTerminal()}>
              New terminal
            </button>
          </div>
        )
      )}
      {closing && (
        <Dialog title={`Close ${closing.title}?`} description="The shell and every program it started are ended. The session recording is kept." onClose={() => setClosing(undefined)}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void closeNow(closing);
            }}
          >
            <DialogActions onCancel={() => setClosing(undefined)} submitLabel="Close terminal" autoFocusSubmit />
          </form>
        </Dialog>
      )}
    </section>
  );
}

function RenameField({ info, onDone }: { info: TerminalInfo; onDone: () => void }) {
  const [title, setTitle] = useState(info.title);
  const [problem, setProblem] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const saving = useRef(false);
  useEffect(() => inputRef.current?.select(), []);

  // Enter saves, and so does leaving the field: whichever comes first.
  const save = async () => {
    if (saving.current) return;
    saving.current = true;
    const next = title.trim();
    if (!next || next === info.title) return onDone();
    try {
      await useTerminals.getState().rename(info.id, next);
      onDone();
    } catch (failure) {
      saving.current = false;
      setProblem(errorMessage(failure));
    }
  };

  return (
    <input
      ref={inputRef}
      className="term-tab-rename"
      aria-label={`Rename ${info.title}`}
      aria-invalid={problem !== ''}
      title={problem || undefined}
      value={title}
      maxLength={80}
      onChange={(event) => setTitle(event.target.value)}
      onBlur={() => void save()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          void save();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        }
      }}
    />
  );
}
