import { TerminalIcon } from '../app/icons';
import { EmptyState, ScreenFrame } from './ScreenFrame';

export function TerminalScreen() {
  return (
    <ScreenFrame title="Terminal" subtitle="A real shell beside the incident; what you run becomes evidence.">
      <EmptyState title="No terminal sessions" Icon={TerminalIcon}>
        <p>Terminals belong to incidents: each command, its exit code and its output are recorded on the incident timeline, with secrets redacted.</p>
      </EmptyState>
    </ScreenFrame>
  );
}
