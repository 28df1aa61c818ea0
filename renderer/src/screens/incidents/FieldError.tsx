// The host's message for one field, tied to the input with aria-describedby (id = `${inputId}-error`).
export function FieldError({ inputId, message }: { inputId: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${inputId}-error`} className="field-error inc-field-error">
      {message}
    </p>
  );
}

export function describedBy(inputId: string, message: string | undefined, ...others: (string | undefined)[]): string | undefined {
  const ids = [message ? `${inputId}-error` : undefined, ...others].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
