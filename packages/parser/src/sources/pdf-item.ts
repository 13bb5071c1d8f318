/** A text item of a PDF page as the reader keeps it: its text, its origin, width and font size. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (height of the glyph box). */
  size: number;
}
