/**
 * Undo and redo of the draft and the texts typed into it. One step per run of keystrokes in one
 * field (as editors group typing), one per paste, per header change and per whole-draft change.
 */
import type { Draft } from "../model/draft.js";
import type { Entries } from "./cell-edits.js";

export interface Snapshot {
  draft: Draft;
  entries: Entries;
}

const LIMIT = 200;

export class History {
  private past: Snapshot[] = [];
  private future: Snapshot[] = [];
  /** The field being typed in: further keystrokes there belong to the same step. */
  private run: string | undefined;

  /** Remembers the state before an edit; `field` groups keystrokes of one field into one step. */
  record(before: Snapshot, field?: string): void {
    if (field !== undefined && field === this.run) return;
    this.past.push(before);
    if (this.past.length > LIMIT) this.past.shift();
    this.future = [];
    this.run = field;
  }

  /** Leaving a field ends its run of keystrokes. */
  endRun(): void {
    this.run = undefined;
  }

  undo(current: Snapshot): Snapshot | undefined {
    const s = this.past.pop();
    if (s) this.future.push(current);
    this.run = undefined;
    return s;
  }

  redo(current: Snapshot): Snapshot | undefined {
    const s = this.future.pop();
    if (s) this.past.push(current);
    this.run = undefined;
    return s;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
