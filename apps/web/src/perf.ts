/**
 * Timing of one edit, from the input event to the form updated (totals, cell messages, summary):
 * a performance mark when the edit starts and a measure once the new draft is on screen. The e2e
 * suite reads the measures; nothing here asserts a time.
 */
export const UPDATE_MEASURE = "gov-report:update";
const START = "gov-report:update-start";
let pending = false;

export function startUpdate(): void {
  if (pending) return; // several edits in one task are one update
  pending = true;
  performance.mark(START);
}

export function endUpdate(): void {
  if (!pending) return;
  pending = false;
  performance.measure(UPDATE_MEASURE, START);
  performance.clearMarks(START);
}
