import type { IncidentStatus } from '../../../../electron/contract';

export function statusLabel(status: IncidentStatus | string): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}
