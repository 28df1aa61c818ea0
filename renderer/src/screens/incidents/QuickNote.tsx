// The fastest way onto the record: type, Enter. Shift+Enter starts a new line. The field clears and keeps
// focus on success; on failure the text stays and the host's reason is shown.
import { errorMessage } from '../../../../electron/contract';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { hostClient } from '../../api/hostClient';
import { useIncidents } from './incidentsStore';

export function QuickNote({ incidentId, closed, onAdded }: { incidentId: string; closed?: boolean; onAdded: () => void }) {
  const applyEvents = useIncidents((state) => state.applyEvents);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const textRef = useRef(text);
  textRef.current = text;
  const id = useId();

  const send = async () => {
    const sent = textRef.current;
    if (!sent.trim() || sending) return;
    setSending(true);
    setError(undefined);
    try {
      const event = await hostClient.call('incidents.addNote', { incidentId, text: sent });
      applyEvents([event]);
      // Whatever was typed while the note travelled stays in the field.
      const now = textRef.current;
      setText(now.startsWith(sent) ? now.slice(sent.length).replace(/^\n/, '') : now);
      onAdded();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <div className="quick-note">
      <label htmlFor={id} className="inc-sr-only">
        Add a note
      </label>
      <textarea
        id={id}
        className="text-input quick-note-input"
        rows={1}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={closed ? 'This incident is closed; notes can still be added.' : 'Add a note: what you see, what you try. Enter adds it, Shift+Enter for a new line.'}
        aria-describedby={error ? `${id}-error` : `${id}-help`}
        aria-invalid={Boolean(error)}
      />
      <button type="button" className="button button-primary quick-note-send" onClick={() => void send()} disabled={sending || !text.trim()}>
        {sending ? 'Adding…' : 'Add note'}
      </button>
      <p id={`${id}-help`} className="inc-sr-only">
        Enter adds the note to the timeline; Shift+Enter starts a new line.
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="quick-note-error">
          Note not added: {error}. Your text is kept.
        </p>
      )}
    </div>
  );
}
