// A modal dialog on the native <dialog>: the page behind is inert (focus cannot leave), Esc closes, and
// focus goes back to whatever opened it.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({ title, description, onClose, children, wide = false }: { title: string; description?: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const autofocus = dialog.querySelector<HTMLElement>('[data-autofocus]');
    autofocus?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'hf-dialog hf-dialog-wide' : 'hf-dialog'}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <header className="hf-dialog-header">
        <div>
          <h2 id={titleId}>{title}</h2>
          {description && (
            <p id={descriptionId} className="muted">
              {description}
            </p>
          )}
        </div>
        <button type="button" className="inc-icon-button" aria-label="Close dialog" onClick={() => onCloseRef.current()}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {children}
    </dialog>
  );
}

/** A dialog form's footer: Cancel, and the submit button that names the action (and says when it is busy). */
export function DialogActions({ onCancel, submitLabel, busyLabel, busy = false, autoFocusSubmit = false }: { onCancel: () => void; submitLabel: string; busyLabel?: string; busy?: boolean; autoFocusSubmit?: boolean }) {
  return (
    <div className="form-actions inc-dialog-actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button-primary" disabled={busy} data-autofocus={autoFocusSubmit || undefined}>
        {busy && busyLabel ? busyLabel : submitLabel}
      </button>
    </div>
  );
}
