// The character counter of a long text field: hidden until the contract's limit is near, then the count
// against the limit (in the error colour once over). Tie it to the field with aria-describedby.
import { counterText, isNearLimit } from './textLimits';

export function CharacterCount({ id, length, max, className = 'field-help', overClassName = 'field-help field-error' }: { id: string; length: number; max: number; className?: string; overClassName?: string }) {
  if (!isNearLimit(length, max)) return null;
  return (
    <p id={id} className={length > max ? overClassName : className}>
      {counterText(length, max)}
    </p>
  );
}

/** The counter's id when it is shown, for aria-describedby. */
export function counterId(id: string, length: number, max: number): string | undefined {
  return isNearLimit(length, max) ? id : undefined;
}
