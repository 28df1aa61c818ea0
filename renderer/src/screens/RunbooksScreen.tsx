import { RunbooksIcon } from '../app/icons';
import { EmptyState, ScreenFrame } from './ScreenFrame';

export function RunbooksScreen() {
  return (
    <ScreenFrame title="Runbooks" subtitle="Your runbook library, kept locally and searchable offline.">
      <EmptyState title="No runbooks in the library" Icon={RunbooksIcon}>
        <p>Runbooks in YAML or plain Markdown are walked step by step inside an incident, each command run in the terminal only when you choose.</p>
      </EmptyState>
    </ScreenFrame>
  );
}
