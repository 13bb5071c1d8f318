/**
 * One numeric value cell: an input that accepts only numbers (full-width digits and thousands
 * separators are normalised as they are typed or pasted), shows its issues on focus, and hands
 * navigation keys and multi-cell pastes to the form. A class component so that a keystroke
 * re-renders only the cells whose props changed (the budget is 8 ms per keystroke).
 */
import { Component } from "preact";
import {
  cleanNumberText,
  formatNumber,
  isGridPaste,
  isPartialNumber,
  type NumericKind,
  parseNumberText,
} from "../model/numbers.js";

export interface CellHandlers {
  commit(field: string, value: number | null): void;
  pasteGrid(field: string, text: string): void;
  key(field: string, e: KeyboardEvent): void;
  focus(field: string): void;
  rejected(): void;
}

export interface NumberCellProps {
  field: string;
  kind: NumericKind;
  value: unknown;
  readOnly: boolean;
  name: string;
  severity: "error" | "warning" | undefined;
  message: string | undefined;
  formula: string | undefined;
  rowspan: number;
  colspan: number;
  handlers: CellHandlers;
}

interface State {
  text: string;
}

export const inputId = (field: string) => `f-${field}`;

export class NumberCell extends Component<NumberCellProps, State> {
  override state: State = { text: formatNumber(this.props.value) };

  override shouldComponentUpdate(next: NumberCellProps, nextState: State): boolean {
    const p = this.props;
    return (
      next.value !== p.value ||
      next.readOnly !== p.readOnly ||
      next.severity !== p.severity ||
      next.message !== p.message ||
      next.name !== p.name ||
      next.formula !== p.formula ||
      nextState.text !== this.state.text
    );
  }

  override componentDidUpdate(prev: NumberCellProps): void {
    // A value set from outside (totals, paste, file) replaces the text unless the text already means it ("12." = 12).
    if (prev.value !== this.props.value) {
      const parsed = parseNumberText(this.state.text, this.props.kind);
      if (!parsed.ok || parsed.value !== this.props.value) this.setState({ text: formatNumber(this.props.value) });
    }
  }

  private accept(input: HTMLInputElement, raw: string): void {
    const { kind, field, handlers } = this.props;
    const cleaned = cleanNumberText(raw);
    if (!isPartialNumber(cleaned, kind)) {
      input.value = this.state.text;
      handlers.rejected();
      return;
    }
    if (input.value !== cleaned) input.value = cleaned;
    this.setState({ text: cleaned });
    const parsed = parseNumberText(cleaned, kind);
    if (parsed.ok && parsed.value !== this.props.value) handlers.commit(field, parsed.value);
  }

  private onInput = (e: Event) => {
    if ((e as InputEvent).isComposing) return;
    const input = e.currentTarget as HTMLInputElement;
    this.accept(input, input.value);
  };

  private onCompositionEnd = (e: CompositionEvent) => {
    const input = e.currentTarget as HTMLInputElement;
    this.accept(input, input.value);
  };

  private onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData("text/plain") ?? "";
    e.preventDefault();
    if (isGridPaste(text)) {
      this.props.handlers.pasteGrid(this.props.field, text);
      return;
    }
    if (this.props.readOnly) return;
    // A single pasted value replaces the cell's value, as pasting into a spreadsheet cell does.
    this.accept(e.currentTarget as HTMLInputElement, text.trim());
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
  };

  override render() {
    const { field, kind, readOnly, name, severity, message, formula, rowspan, colspan } = this.props;
    const id = inputId(field);
    const describedBy = [message ? `m-${id}` : "", formula ? `x-${id}` : ""].filter(Boolean).join(" ");
    const cls = `v${severity ? ` ${severity}` : ""}${readOnly ? " auto" : ""}`;
    return (
      <td class={cls} rowSpan={rowspan > 1 ? rowspan : undefined} colSpan={colspan > 1 ? colspan : undefined}>
        <input
          id={id}
          data-field={field}
          type="text"
          size={4}
          inputMode={kind === "count" ? "numeric" : kind === "signedCount" ? "text" : "decimal"}
          autoComplete="off"
          spellcheck={false}
          aria-label={name}
          aria-invalid={severity === "error" ? "true" : undefined}
          aria-describedby={describedBy || undefined}
          title={formula}
          readOnly={readOnly}
          value={this.state.text}
          onInput={this.onInput}
          onCompositionEnd={this.onCompositionEnd}
          onPaste={this.onPaste}
          onKeyDown={this.onKeyDown}
          onFocus={this.onFocus}
          onMouseUp={this.onMouseUp}
          onBlur={this.onBlur}
        />
        {message || formula ? (
          <div class="tip" role="tooltip">
            {formula ? <div id={`x-${id}`}>{formula}</div> : null}
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
