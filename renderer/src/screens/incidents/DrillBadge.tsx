// Marks a drill so nobody mistakes an exercise for the real thing (or the other way round).
export function DrillBadge() {
  return (
    <span className="inc-badge drill-badge" title="A drill: practice, not a real incident">
      Drill
    </span>
  );
}
