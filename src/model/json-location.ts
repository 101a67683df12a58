// Where things are in the text of a file: JSON paths to line and column, and every syntax error.
// Only called when something must be reported, so the happy path stays at JSON.parse speed.
import { createScanner, parseTree, printParseErrorCode, type ParseError, type SyntaxKind as JsoncSyntaxKind } from 'jsonc-parser';

// jsonc-parser declares its token kinds as an ambient const enum, which isolated modules cannot
// read; these are its documented values.
const SyntaxKind = {
  OpenBraceToken: 1,
  CloseBraceToken: 2,
  OpenBracketToken: 3,
  CloseBracketToken: 4,
  CommaToken: 5,
  NullKeyword: 7,
  TrueKeyword: 8,
  FalseKeyword: 9,
  StringLiteral: 10,
  NumericLiteral: 11,
  EOF: 17,
} as const satisfies Record<string, JsoncSyntaxKind>;

export type PathSegment = string | number;

export interface TextPosition {
  line: number;
  column: number;
}

/** `nodes[3].kind`, `data["my key"]`: the path as a reader of the file would write it. */
/** A string as a JSON literal with the characters a terminal would hide or break a line at
 * (zero-width, bidirectional controls, line separators) escaped too, so messages stay one line. */
export function visibleJson(value: string): string {
  return JSON.stringify(value).replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, (ch) => `\\u${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${visibleJson(segment)}]`;
  }
  return out;
}

/** Line and column (both from 1) of each offset, from one pass over the text. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  position(offset: number): TextPosition {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }
}

const SYNTAX_HINTS: Partial<Record<string, string>> = {
  PropertyNameExpected: 'expected a key in double quotes (is there a trailing comma before "}"?)',
  ValueExpected: 'expected a value (is there a trailing comma, or a missing value?)',
  CommaExpected: 'expected a comma between items',
  ColonExpected: 'expected ":" after the key',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: 'unexpected text after the end of the model',
  InvalidSymbol: 'unexpected character (JSON allows no comments, single quotes, NaN or Infinity)',
  InvalidNumberFormat: 'this number is not valid JSON',
  UnexpectedEndOfString: 'text is not closed with a double quote before the end of the line (write a line break inside text as \\n)',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  InvalidCommentToken: 'comments are not allowed in JSON',
  InvalidUnicode: 'invalid \\u escape in text',
  InvalidEscapeCharacter: 'invalid escape character in text (use \\\\ for a backslash)',
  InvalidCharacter: 'control character in text (write a line break as \\n)',
};

export interface SyntaxProblem extends TextPosition {
  message: string;
}

/** Every JSON syntax error of a text that JSON.parse refused, in file order. `fallbackOffset`
 * (from JSON.parse's own error) is used when the text nests too deeply for jsonc-parser. */
export function syntaxProblems(text: string, fallbackOffset: number): SyntaxProblem[] {
  const errors: ParseError[] = [];
  const lines = new LineIndex(text);
  try {
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    return [{ ...lines.position(fallbackOffset), message: 'JSON syntax error' }];
  }
  // After one mistake the parser often reports a second at the same spot; one message is enough.
  const distinct = errors.filter((error, i) => i === 0 || error.offset !== errors[i - 1]!.offset);
  const problems = distinct.map((error) => {
    const code = printParseErrorCode(error.error);
    return { ...lines.position(error.offset), message: `JSON syntax error: ${SYNTAX_HINTS[code] ?? code}` };
  });
  return problems.length > 0 ? problems : [{ ...lines.position(fallbackOffset), message: 'JSON syntax error' }];
}

/** The positions of JSON paths in a valid JSON text. A path that does not exist (a missing key)
 * is placed at its deepest existing ancestor. One iterative pass of jsonc-parser's scanner, so any
 * nesting depth is safe. */
export function locatePaths(text: string, paths: readonly (readonly PathSegment[])[]): TextPosition[] {
  const wanted = new Set<string>();
  let maxDepth = 0;
  for (const path of paths) {
    maxDepth = Math.max(maxDepth, path.length);
    for (let depth = 0; depth <= path.length; depth++) wanted.add(formatPath(path.slice(0, depth)));
  }
  const offsets = new Map<string, number>();
  const frames: { array: boolean; index: number; expectKey: boolean }[] = [];
  const path: PathSegment[] = [];
  let keyOffset = 0;
  const enterValue = (offset: number) => {
    const top = frames[frames.length - 1];
    if (top?.array) path.push(top.index++);
    if (path.length > maxDepth) return;
    const key = formatPath(path);
    // A member is located at its key, which is where a reader looks for it.
    if (wanted.has(key) && !offsets.has(key)) offsets.set(key, top && !top.array ? keyOffset : offset);
  };
  const leaveValue = () => {
    if (frames.length > 0) path.pop();
  };
  const scanner = createScanner(text, true);
  for (let token: number = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const top = frames[frames.length - 1];
    switch (token) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        enterValue(offset);
        frames.push({ array: token === SyntaxKind.OpenBracketToken, index: 0, expectKey: true });
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        frames.pop();
        leaveValue();
        break;
      case SyntaxKind.CommaToken:
        if (top && !top.array) top.expectKey = true;
        break;
      case SyntaxKind.StringLiteral:
        if (top && !top.array && top.expectKey) {
          path.push(scanner.getTokenValue());
          keyOffset = offset;
          top.expectKey = false;
          break;
        }
        enterValue(offset);
        leaveValue();
        break;
      case SyntaxKind.NumericLiteral:
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword:
        enterValue(offset);
        leaveValue();
        break;
    }
  }
  const lines = new LineIndex(text);
  return paths.map((target) => {
    for (let depth = target.length; depth >= 0; depth--) {
      const offset = offsets.get(formatPath(target.slice(0, depth)));
      if (offset !== undefined) return lines.position(offset);
    }
    return { line: 1, column: 1 };
  });
}
