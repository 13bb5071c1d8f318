/**
 * One numeric value cell: shows the text the store holds for it (as typed, or the value as
 * printed), hands every keystroke and paste to the store, and shows the cell's messages on focus.
 * A class component so that a keystroke re-renders only the cells whose props changed (the
 * budget is 8 ms per keystroke on a full report).
 */
import { Component } from "preact";
import { isGridPaste } from "../model/numbers.js";

export interface CellHandlers {
  type(field: string, text: string): void;
  paste(field: string, text: string): void;
  leave(field: string): void;
  key(field: string, e: KeyboardEvent): void;
  focus(field: string): void;
}

export interface NumberCellProps {
  field: string;
  text: string;
  signed: boolean;
  integer: boolean;
  readOnly: boolean;
  name: string;
  severity: "error" | "warning" | undefined;
  message: string | undefined;
  formula: string | undefined;
  /** How a figure read from a document was obtained, when not printed plainly. */
  mark: { status: string; text: string } | undefined;
  rowspan: number;
  colspan: number;
  handlers: CellHandlers;
}

export const inputId = (field: string) => `f-${field}`;

const SAME: (keyof NumberCellProps)[] = ["text", "readOnly", "severity", "message", "name", "formula", "mark"];

export class NumberCell extends Component<NumberCellProps> {
  override shouldComponentUpdate(next: NumberCellProps): boolean {
    return SAME.some((k) => next[k] !== this.props[k]);
  }

  private onInput = (e: Event) => {
    if ((e as InputEvent).isComposing) return;
    this.props.handlers.type(this.props.field, (e.currentTarget as HTMLInputElement).value);
  };

  private onCompositionEnd = (e: CompositionEvent) =>
    this.props.handlers.type(this.props.field, (e.currentTarget as HTMLInputElement).value);

  private onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData("text/plain") ?? "";
    e.preventDefault();
    if (isGridPaste(text)) {
      this.props.handlers.paste(this.props.field, text);
      return;
    }
    // A single pasted value replaces the cell's value, as pasting into a spreadsheet cell does.
    if (!this.props.readOnly) this.props.handlers.paste(this.props.field, text.trim());
  };

  private onKeyDown = (e: KeyboardEvent) => this.props.handlers.key(this.props.field, e);

  private justFocused = false;

  private onFocus = (e: FocusEvent) => {
    (e.currentTarget as HTMLInputElement).select();
    this.justFocused = true;
    this.props.handlers.focus(this.props.field);
  };

  // A click that focuses the cell keeps the whole value selected (the mouseup would put a caret instead), as in a spreadsheet.
  private onMouseUp = (e: MouseEvent) => {
    if (this.justFocused) e.preventDefault();
    this.justFocused = false;
  };

  private onBlur = () => {
    this.justFocused = false;
    this.props.handlers.leave(this.props.field);
  };

  override render() {
    const { field, readOnly, name, severity, message, formula, mark, rowspan, colspan } = this.props;
    const id = inputId(field);
    const describedBy = [message ? `m-${id}` : "", formula ? `x-${id}` : "", mark ? `p-${id}` : ""]
      .filter(Boolean)
      .join(" ");
    const cls = `v${severity ? ` ${severity}` : ""}${readOnly ? " auto" : ""}${mark ? ` read-${mark.status}` : ""}`;
    return (
      <td class={cls} rowSpan={rowspan > 1 ? rowspan : undefined} colSpan={colspan > 1 ? colspan : undefined}>
        <input
          id={id}
          data-field={field}
          type="text"
          size={4}
          inputMode={this.props.signed ? "text" : this.props.integer ? "numeric" : "decimal"}
          autoComplete="off"
          spellcheck={false}
          aria-label={name}
          aria-invalid={severity === "error" ? "true" : undefined}
          aria-describedby={describedBy || undefined}
          title={formula}
          readOnly={readOnly}
          value={this.props.text}
          onInput={this.onInput}
          onCompositionEnd={this.onCompositionEnd}
          onPaste={this.onPaste}
          onKeyDown={this.onKeyDown}
          onFocus={this.onFocus}
          onMouseUp={this.onMouseUp}
          onBlur={this.onBlur}
        />
        {message || formula || mark ? (
          <div class="tip" role="tooltip">
            {formula ? <div id={`x-${id}`}>{formula}</div> : null}
            {mark ? (
              <div id={`p-${id}`} class="prov">
                {mark.text}
              </div>
            ) : null}
            {message ? (
              <div id={`m-${id}`} class={`msg ${severity ?? ""}`}>
                {message}
              </div>
            ) : null}
          </div>
        ) : null}
      </td>
    );
  }
}
