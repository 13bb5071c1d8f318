/**
 * Spreadsheet moves between value cells: Enter/Shift+Enter down/up, arrows in the printed grid,
 * Left/Right only at the edge of the text. After a run of Tabs along a row, Enter goes to the row
 * below the cell where the run began, as spreadsheets do.
 */
import type { Edition } from "@gov-report/core/lite";
import { NAV } from "../store/cell-edits.js";
import { inputId } from "./NumberCell.js";

export class KeyMoves {
  private tabAnchor: string | undefined;

  constructor(private readonly edition: () => Edition) {}

  private target(field: string, e: KeyboardEvent): string | undefined {
    const nav = NAV[this.edition()];
    const n = nav.get(field);
    if (!n) return undefined;
    const input = e.currentTarget as HTMLInputElement;
    const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    switch (e.key) {
      case "Enter": {
        const anchor = this.tabAnchor ? nav.get(this.tabAnchor) : undefined;
        this.tabAnchor = undefined;
        return e.shiftKey ? n.up : (anchor ?? n).down;
      }
      case "ArrowDown":
        this.tabAnchor = undefined;
        return n.down;
      case "ArrowUp":
        this.tabAnchor = undefined;
        return n.up;
      case "ArrowLeft":
        return all || (input.selectionStart === 0 && input.selectionEnd === 0) ? n.left : undefined;
      case "ArrowRight":
        return all || input.selectionStart === input.value.length ? n.right : undefined;
      case "Tab":
        if (!e.shiftKey && !this.tabAnchor) this.tabAnchor = field;
        return undefined;
      default:
        return undefined;
    }
  }

  key(field: string, e: KeyboardEvent): void {
    const target = this.target(field, e);
    if (!target) return;
    e.preventDefault();
    document.getElementById(inputId(target))?.focus();
  }

  /** Focus leaving the row where a Tab run began ends the run. */
  focus(field: string): void {
    const nav = NAV[this.edition()];
    const anchor = this.tabAnchor ? nav.get(this.tabAnchor) : undefined;
    const here = nav.get(field);
    if (anchor && (!here || here.table !== anchor.table || here.pos.row !== anchor.pos.row)) this.tabAnchor = undefined;
  }
}
