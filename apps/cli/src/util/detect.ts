/**
 * The kinds of input the CLI reads. What kind a file is (by its content, the extension only as a
 * hint), its text and the list of extensions come from the parser's input module, shared with the
 * review desk and the web form; this module only names them for the CLI's messages.
 */
import { INPUT_EXTENSIONS, type InputKind } from "@gov-report/parser/input";

export { decodeText, detectInput, kindOfName, utf16Of } from "@gov-report/parser/input";

export type SourceKind = InputKind;

/** The extensions as a user reads them: ".json, .pdf, …". */
export const EXTENSION_LIST = Object.keys(INPUT_EXTENSIONS).join(", ");
