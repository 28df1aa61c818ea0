// The fastest way onto the record: type, Enter. Shift+Enter starts a new line. The field clears and keeps
// focus on success; on failure the text stays and the reason is shown until the text changes. Notes have
// the contract's length limit: a counter appears as it nears, and a longer note is refused here, in a
// sentence, with the way out (attach it as a file) one click away. Unsent text is a draft (state/drafts):
// it outlives leaving the screen and reloading the page.
import { errorMessage } from '../../../../electron/contract';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { hostClient } from '../../api/hostClient';
import { draftKey, useDraft } from '../../state/drafts';
import { CharacterCount, counterId } from './CharacterCount';
import { useIncidents } from './incidentsStore';
import { attachTextAsEvidence } from './textEvidence';
import { countedLength, incidentTextLimits, overLimitSentence } from './textLimits';

const maxNote = incidentTextLimits.note;

export function QuickNote({ incidentId, closed, onAdded }: { incidentId: string; closed?: boolean; onAdded: () => void }) {
  const applyEvents = useIncidents((state) => state.applyEvents);
  const [text, setText] = useDraft(draftKey(incidentId, 'note'), '');
  const [error, setError] = useState<string>();
  const [attached, setAttached] = useState('');
  const [sending, setSending] = useState(false);
  const textRef = useRef(text);
  textRef.current = text;
  const id = useId();
  const length = countedLength(text);
  const tooLong = length > maxNote;

  const send = async () => {
    const sent = textRef.current;
    if (!sent.trim() || sending) return;
    setAttached('');
    if (countedLength(sent) > maxNote) {
      setError(`${overLimitSentence('Notes', countedLength(sent), maxNote)} Attach long text as a file instead.`);
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      const event = await hostClient.call('incidents.addNote', { incidentId, text: sent });
      applyEvents([event]);
      // Whatever was typed while the note travelled stays in the field.
      setText((now) => (now.startsWith(sent) ? now.slice(sent.length).replace(/^\n/, '') : now));
      onAdded();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSending(false);
    }
  };

  const attach = async () => {
    const sent = textRef.current;
    setSending(true);
    try {
      const evidence = await attachTextAsEvidence(incidentId, sent);
      setText((now) => (now === sent ? '' : now));
      setError(undefined);
      setAttached(`Attached as evidence: ${evidence.name}.`);
      onAdded();
    } catch (caught) {
      setError(`Not attached either: ${errorMessage(caught)}`);
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
        onChange={(event) => {
          setText(event.target.value);
          // The reason was about the text as it was; it no longer applies.
          setError(undefined);
          setAttached('');
        }}
        onKeyDown={onKeyDown}
        placeholder={closed ? 'This incident is closed; notes can still be added.' : 'Add a note: what you see, what you try. Enter adds it, Shift+Enter for a new line.'}
        aria-describedby={[error ? `${id}-error` : `${id}-help`, counterId(`${id}-count`, length, maxNote)].filter(Boolean).join(' ')}
        aria-invalid={Boolean(error) || tooLong}
      />
      <button type="button" className="button button-primary quick-note-send" onClick={() => void send()} disabled={sending || !text.trim()}>
        {sending ? 'Adding…' : 'Add note'}
      </button>
      <p id={`${id}-help`} className="inc-sr-only">
        Enter adds the note to the timeline; Shift+Enter starts a new line.
      </p>
      <CharacterCount id={`${id}-count`} length={length} max={maxNote} className="field-help inc-help-tight" overClassName="quick-note-error" />
      {error && (
        <p id={`${id}-error`} className="quick-note-error">
          <span role="alert">Note not added: {error.replace(/\.$/, '')}. Your text is kept.</span>{' '}
          {tooLong && (
            <button type="button" className="inc-link-button" onClick={() => void attach()} disabled={sending}>
              Attach it as a file
            </button>
          )}
        </p>
      )}
      {attached && (
        <p role="status" className="field-help inc-help-tight">
          {attached}
        </p>
      )}
    </div>
  );
}
