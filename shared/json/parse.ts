/**
 * JSON parsing that names *where* a file is broken. JSON.parse's messages differ between
 * engines and often carry no position, so on failure we re-scan with jsonc-parser (VS Code's
 * JSON scanner, strict options) to find the first error's offset, and report a line and column
 * the same way everywhere: "file.json:3:14: …".
 */
import { printParseErrorCode, parse as scanJson, type ParseError } from 'jsonc-parser';

/**
 * What is wrong, as a code the UI puts into words (issue 17: a sentence, not "PropertyNameExpected"):
 * jsonc-parser's error names, an empty file, nesting too deep, or 'other' (no scanner error found).
 */
export const jsonSyntaxCodes = [
  'InvalidSymbol',
  'InvalidNumberFormat',
  'PropertyNameExpected',
  'ValueExpected',
  'ColonExpected',
  'CommaExpected',
  'CloseBraceExpected',
  'CloseBracketExpected',
  'EndOfFileExpected',
  'InvalidCommentToken',
  'UnexpectedEndOfComment',
  'UnexpectedEndOfString',
  'UnexpectedEndOfNumber',
  'InvalidUnicode',
  'InvalidEscapeCharacter',
  'InvalidCharacter',
  'EmptyFile',
  'TooDeep',
  'other',
] as const;
export type JsonSyntaxCode = (typeof jsonSyntaxCodes)[number];

const syntaxCodeOf = (name: string): JsonSyntaxCode =>
  (jsonSyntaxCodes as readonly string[]).includes(name) ? (name as JsonSyntaxCode) : 'other';

export interface JsonSyntaxProblem {
  /** The engine's wording (the CLI prints it); the UI words `syntax` instead. */
  message: string;
  syntax: JsonSyntaxCode;
  /** 1-based, or undefined when the engine did not report a position. */
  line?: number;
  column?: number;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

/**
 * No file format here nests deeper than a handful of levels. JSON.parse itself copes with any
 * depth, but everything after it recurses (the position scanner, zod, JSON.stringify, structured
 * clone) and overflows the stack a few thousand levels down — so deeper input is refused here,
 * before anything else sees it, as an input error with the position of the first bracket too deep.
 */
export const MAX_JSON_DEPTH = 512;

/** Offset of the first `[`/`{` nested deeper than `max` (strings skipped), or -1. One pass, no recursion. */
export function offsetBeyondDepth(text: string, max: number = MAX_JSON_DEPTH): number {
  const state = { at: 0, depth: 0, inString: false };
  return scanDepth(text, max, state, text.length);
}

/** The scan of offsetBeyondDepth from `state.at` up to `until`, resumable (state is updated). */
function scanDepth(
  text: string,
  max: number,
  state: { at: number; depth: number; inString: boolean },
  until: number,
): number {
  let { depth, inString } = state;
  let i = state.at;
  const end = Math.min(until, text.length);
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  state.at = i;
  state.depth = depth;
  state.inString = inString;
  return -1;
}

export function parseJsonWithPosition(text: string): JsonParseResult {
  // A UTF-8 BOM is common in files saved by Windows editors; it is not an error.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tooDeep = offsetBeyondDepth(source);
  if (tooDeep >= 0) {
    return {
      ok: false,
      problem: {
        message: `嵌套超过 ${MAX_JSON_DEPTH} 层 / nested deeper than ${MAX_JSON_DEPTH} levels`,
        syntax: 'TooDeep',
        ...lineColumnAt(source, tooDeep),
      },
    };
  }
  return parseAfterDepthCheck(source);
}

function parseAfterDepthCheck(source: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    if (source.trim() === '')
      return { ok: false, problem: { message: 'empty file', syntax: 'EmptyFile', line: 1, column: 1 } };
    const native = error instanceof Error ? error.message : String(error);
    const errors: ParseError[] = [];
    scanJson(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) return { ok: false, problem: { message: native, syntax: 'other' } };
    return {
      ok: false,
      problem: {
        message: `${printParseErrorCode(first.error)} (${native})`,
        syntax: syntaxCodeOf(printParseErrorCode(first.error)),
        ...lineColumnAt(source, first.offset),
      },
    };
  }
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
