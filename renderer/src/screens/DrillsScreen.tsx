import { DrillsIcon } from '../app/icons';
import { EmptyState, ScreenFrame } from './ScreenFrame';

export function DrillsScreen() {
  return (
    <ScreenFrame title="Drills" subtitle="Practise the response before it is real.">
      <EmptyState title="No drills scheduled" Icon={DrillsIcon}>
        <p>Facilitators run scripted scenarios with injects and deadlines; the after-action report is written from what the team actually did.</p>
      </EmptyState>
    </ScreenFrame>
  );
}
