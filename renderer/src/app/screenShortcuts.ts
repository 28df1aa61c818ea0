// Alt+1 … Alt+5: the screen a key chord opens. By key position (Digit1…), not the character: Option+1 on a
// Mac types "¡". Shared by the window's handler and the terminal, which must let these chords through
// rather than send them to the shell (readline would take Alt+1 as a digit argument).
export function screenShortcutIndex(event: KeyboardEvent): number | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  const match = /^Digit([1-9])$/.exec(event.code);
  return match ? Number(match[1]) - 1 : undefined;
}
