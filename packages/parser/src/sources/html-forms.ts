/**
 * Form controls of an HTML page as their text: a reporting system's page prints every figure in a
 * read-only field (`<input readonly value="12">`, a `<select>` with its option chosen), which a
 * browser shows as the cell's text. A field's value is read as text where the field stands; a
 * `<textarea>` holds its text as content, which is read as it is.
 */

type Attribs = Record<string, string>;

/** Input types that show their value as text (no type: a text field). Never hidden, password, buttons. */
const TEXT_INPUTS = new Set(["", "text", "number", "search", "tel"]);

/** The text an `<input>` shows, or undefined (another element, a field that shows no value). */
export function inputText(name: string, attribs: Attribs): string | undefined {
  if (name !== "input") return undefined;
  const type = (attribs.type ?? "").trim().toLowerCase();
  if (!TEXT_INPUTS.has(type)) return undefined;
  const value = attribs.value;
  return value ? ` ${value} ` : undefined;
}

interface Option {
  text: string;
  selected: boolean;
  label: string | undefined;
}

/**
 * The `<select>` being read, told each event of the page: the elements inside it (options,
 * groups) are not told on, and at its end it gives the text it shows — its selected option (the
 * last one, or all of them in a `multiple` list), else its first option. An option shows its
 * `label` when it has one, else its text.
 */
export class SelectText {
  /** Depth inside the select: 0 outside one, 1 in the select itself. */
  private depth = 0;
  /** The depth of the open option (its text is being read), 0 when none. */
  private optionDepth = 0;
  private multiple = false;
  private options: Option[] = [];

  /** An element opens (after the hidden ones are taken out); true when it is inside a select, not told on. */
  open(name: string, attribs: Attribs): boolean {
    if (this.depth > 0) {
      this.depth++;
      if (name === "option" && this.optionDepth === 0) {
        this.optionDepth = this.depth;
        this.options.push({ text: "", selected: attribs.selected !== undefined, label: attribs.label });
      }
      return true;
    }
    if (name !== "select") return false;
    this.depth = 1;
    this.multiple = attribs.multiple !== undefined;
    this.options = [];
    return false;
  }

  /** Text that is shown; true when it is inside a select (kept for its option, not told on). */
  text(data: string): boolean {
    if (this.depth === 0) return false;
    const option = this.options[this.options.length - 1];
    if (this.optionDepth > 0 && option) option.text += data;
    return true;
  }

  /**
   * An element ends: `inside` when it is an element inside the select (not told on); `shows`,
   * at the select's own end, the text it shows.
   */
  close(): { inside: boolean; shows?: string } {
    if (this.depth === 0) return { inside: false };
    if (this.depth === this.optionDepth) this.optionDepth = 0;
    if (--this.depth > 0) return { inside: true };
    const options = this.options;
    this.options = [];
    const selected = options.filter((o) => o.selected);
    const shown = selected.length ? (this.multiple ? selected : selected.slice(-1)) : options.slice(0, 1);
    return { inside: false, shows: ` ${shown.map((o) => o.label ?? o.text).join(" ")} ` };
  }
}
