// Helpers of the status-update composer. The template itself is the contract's renderStatusUpdate, the same
// one the host posts with.
export { renderStatusUpdate as previewStatusUpdate } from '../../../../electron/contract';

export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
