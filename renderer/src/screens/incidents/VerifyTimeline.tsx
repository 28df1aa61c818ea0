// Checks the timeline's hash chain on the host: intact, or which events do not add up.
import { errorMessage } from '../../../../electron/contract';
import { useState } from 'react';
import type { ResultOf } from '../../../../electron/contract';
import { hostClient } from '../../api/hostClient';
import { counted } from './counted';
import { ShieldIcon } from './incidentIcons';

type Verdict = ResultOf<'incidents.verifyTimeline'>;

export function VerifyTimeline({ incidentId }: { incidentId: string }) {
  const [verdict, setVerdict] = useState<Verdict>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setVerdict(await hostClient.call('incidents.verifyTimeline', { incidentId }));
    } catch (caught) {
      setVerdict(undefined);
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="verify-timeline">
      <button type="button" className="button inc-button-small" onClick={() => void verify()} disabled={busy}>
        <ShieldIcon />
        {busy ? 'Verifying…' : 'Verify timeline'}
      </button>
      <div role="status" className="verify-result">
        {verdict?.ok && <span className="verify-ok">✓ Hash chain intact ({counted(verdict.eventsChecked, 'event')})</span>}
        {verdict && !verdict.ok && (
          <details className="verify-bad">
            <summary>
              ⚠ Hash chain broken: {counted(verdict.problems.length, 'problem')} in {counted(verdict.eventsChecked, 'event')}
            </summary>
            <ul>
              {verdict.problems.map((problem) => (
                <li key={`${problem.eventId}-${problem.problem}`}>
                  Event #{problem.seq}: {problem.problem}
                </li>
              ))}
            </ul>
          </details>
        )}
        {error && <span className="verify-bad">Could not verify: {error}</span>}
      </div>
    </div>
  );
}
