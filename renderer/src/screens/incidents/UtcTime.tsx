// A timestamp as Holdfast shows it: UTC on screen, the responder's local time in the hover title.
import { localTitle, utcClock, utcDateTime, utcFull, utcShort } from './formatTime';

const formats = { clock: utcClock, minute: utcDateTime, full: utcFull, short: utcShort } as const;

export function UtcTime({ iso, format = 'minute', className }: { iso: string; format?: keyof typeof formats; className?: string }) {
  return (
    <time dateTime={iso} title={localTitle(iso)} className={className}>
      {formats[format](iso)}
    </time>
  );
}
