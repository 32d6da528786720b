/**
 * A JSON import file read as a stream of records (issue 17: 13 MB of listings, 100 MB of tickets
 * in one file), never as one string: @streamparser/json's tokenizer and token parser, with the
 * elements of the named top-level arrays (`listings`, `tickets`, …) handed out one at a time and
 * dropped from memory after. Everything else at the top level (`required`, or the fields of a
 * single §1 listing) is collected in `top` — bounded by `maxRecordBytes` like each record.
 *
 * Broken JSON anywhere is reported like shared/json/parse does (a syntax code the UI words, line
 * and column), and so is nesting deeper than MAX_JSON_DEPTH and a record larger than the cap.
 */
import { TokenParser, TokenParserError, Tokenizer, TokenizerError, TokenType } from '@streamparser/json';
import type { ParsedTokenInfo } from '@streamparser/json';
import { MAX_JSON_DEPTH, type JsonSyntaxCode } from '../../../shared/json/parse';

export interface JsonReadProblem {
  /** The parser's wording (logs, the CLI); the UI words `syntax` or `tooLarge` instead. */
  message: string;
  syntax?: JsonSyntaxCode;
  /** A record (or the top level, `array` ''), past `maxRecordBytes`. */
  tooLarge?: { array: string; index: number; maxBytes: number };
  line: number;
  column: number;
}

export type JsonReadResult =
  | { ok: true; top: Record<string, unknown> }
  /** The file is JSON but not an object (nothing after its first token was read). */
  | { ok: true; top: null }
  | { ok: false; problem: JsonReadProblem };

export interface JsonRecordReader {
  /** Top-level arrays whose elements are records. */
  arrays: readonly string[];
  /** One record, in file order; `line` is where it starts (1-based), `bytes` its JSON's size. */
  record(array: string, index: number, value: unknown, line: number, bytes: number): void;
  /** After each chunk: progress, cancel, back-pressure, yielding to other requests. */
  afterChunk(bytesRead: number): Promise<void> | void;
  /** A record (or everything outside records) larger than this stops the read. */
  maxRecordBytes: number;
}

/** Thrown out of the parser's callbacks to stop at a problem found while tokens arrive. */
class StopRead extends Error {
  constructor(
    readonly problem: Omit<JsonReadProblem, 'line' | 'column'>,
    readonly offset: number,
  ) {
    super(problem.message);
  }
}

/** Line and column of a byte offset, for offsets that only grow (the parser's order). */
class LinePosition {
  private line = 1;
  /** Offset of the first byte of the current line. */
  private lineStart = 0;
  private scanned = 0;
  private chunkStart = 0;
  private chunk: Uint8Array = new Uint8Array(0);

  startChunk(chunk: Uint8Array, at: number): void {
    // Lines in the part of the previous chunk that was not asked about yet.
    this.advance(at);
    this.chunk = chunk;
    this.chunkStart = at;
  }

  lineOf(offset: number): number {
    this.advance(offset);
    return this.line;
  }

  /** 1-based; in characters when the line starts in the current chunk, else in bytes. */
  columnOf(offset: number): number {
    this.advance(offset);
    if (this.lineStart < this.chunkStart) return offset - this.lineStart + 1;
    const from = this.lineStart - this.chunkStart;
    const to = Math.min(offset - this.chunkStart, this.chunk.length);
    return (
      Buffer.from(this.chunk.buffer, this.chunk.byteOffset + from, Math.max(0, to - from)).toString().length +
      1
    );
  }

  private advance(offset: number): void {
    const end = Math.min(offset, this.chunkStart + this.chunk.length);
    let at = Math.max(this.scanned, this.chunkStart);
    while (at < end) {
      const next = this.chunk.indexOf(10, at - this.chunkStart);
      if (next < 0 || next + this.chunkStart >= end) break;
      this.line++;
      at = next + this.chunkStart + 1;
      this.lineStart = at;
    }
    this.scanned = Math.max(this.scanned, end);
  }
}

function syntaxOfTokenizerState(message: string): JsonSyntaxCode {
  const state = /in state (\w+)/.exec(message)?.[1] ?? '';
  if (state.startsWith('STRING_UNICODE')) return 'InvalidUnicode';
  if (state === 'STRING_AFTER_BACKSLASH') return 'InvalidEscapeCharacter';
  if (state.startsWith('STRING')) return 'InvalidCharacter';
  if (state.startsWith('NUMBER')) return 'InvalidNumberFormat';
  return 'InvalidSymbol';
}

function syntaxOfParserState(message: string, inObject: boolean): JsonSyntaxCode {
  const state = /in state (\w+)/.exec(message)?.[1] ?? '';
  if (state === 'KEY') return 'PropertyNameExpected';
  if (state === 'COLON') return 'ColonExpected';
  if (state === 'COMMA') return inObject ? 'CommaExpected' : 'CommaExpected';
  if (state === 'ENDED') return 'EndOfFileExpected';
  return 'ValueExpected';
}

export async function readJsonRecords(
  source: AsyncIterable<Uint8Array>,
  reader: JsonRecordReader,
): Promise<JsonReadResult> {
  const recordArrays = new Set(reader.arrays);
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({
    paths: [...reader.arrays.map((a) => `$.${a}.*`), '$.*'],
    keepStack: false,
  });
  const position = new LinePosition();
  const top: Record<string, unknown> = {};
  const counts = new Map<string, number>();
  /** Open containers, innermost last: true for an object. */
  const open: boolean[] = [];
  let sawToken = false;
  let rootIsObject = true;
  // Where the reader is at the top level: the key of the value being read, and whether the next
  // string there is a key.
  let expectKey = false;
  let key: string | null = null;
  let inArray: string | null = null;
  let recordStart = -1;
  let outsideBytes = 0;
  let lastOffset = 0;

  parser.onValue = ({ value, key: at, parent, stack }) => {
    if (stack.length === 2 && inArray !== null) {
      const index = counts.get(inArray) ?? 0;
      counts.set(inArray, index + 1);
      // The record leaves the parser's tree here (bounded memory: one record at a time).
      (parent as unknown[]).length = 0;
      const line = position.lineOf(recordStart);
      const bytes = lastOffset - recordStart + 1;
      recordStart = -1;
      reader.record(inArray, index, value, line, bytes);
    } else if (stack.length === 1 && rootIsObject && typeof at === 'string') {
      top[at] = value;
    }
  };
  tokenizer.onToken = (info: ParsedTokenInfo) => {
    const { token, offset } = info;
    if (!sawToken) {
      sawToken = true;
      // Not an object: read on for syntax errors (what is wrong first), keeping nothing.
      rootIsObject = token === TokenType.LEFT_BRACE;
    }
    if (inArray !== null && open.length >= 2) {
      if (
        recordStart < 0 &&
        open.length === 2 &&
        token !== TokenType.COMMA &&
        token !== TokenType.RIGHT_BRACKET
      )
        recordStart = offset;
      if (recordStart >= 0 && offset - recordStart > reader.maxRecordBytes) {
        throw new StopRead(
          {
            message: `record ${inArray}[${counts.get(inArray) ?? 0}] is larger than ${reader.maxRecordBytes} bytes`,
            tooLarge: { array: inArray, index: counts.get(inArray) ?? 0, maxBytes: reader.maxRecordBytes },
          },
          recordStart,
        );
      }
    } else if (rootIsObject) {
      outsideBytes += offset - lastOffset;
      if (outsideBytes > reader.maxRecordBytes) {
        throw new StopRead(
          {
            message: `the file's top level is larger than ${reader.maxRecordBytes} bytes`,
            tooLarge: { array: '', index: 0, maxBytes: reader.maxRecordBytes },
          },
          offset,
        );
      }
    }
    lastOffset = offset;
    const depth = open.length;
    if (depth === 1) {
      if (token === TokenType.STRING && expectKey) {
        key = String(info.value);
        expectKey = false;
      } else if (token === TokenType.COMMA) expectKey = true;
    }
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      open.push(token === TokenType.LEFT_BRACE);
      if (open.length > MAX_JSON_DEPTH) {
        throw new StopRead(
          { message: `nested deeper than ${MAX_JSON_DEPTH} levels`, syntax: 'TooDeep' },
          offset,
        );
      }
      if (open.length === 1) expectKey = rootIsObject;
      if (open.length === 2 && token === TokenType.LEFT_BRACKET && key !== null && recordArrays.has(key))
        inArray = key;
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      open.pop();
      if (open.length === 1) inArray = null;
    }
    parser.write(info);
  };

  let read = 0;
  const problemAt = (problem: Omit<JsonReadProblem, 'line' | 'column'>, offset: number): JsonReadResult => ({
    ok: false,
    problem: { ...problem, line: position.lineOf(offset), column: position.columnOf(offset) },
  });
  /** A parse problem as a result; anything else (a caller's callback failing) is rethrown. */
  const failure = (error: unknown): JsonReadResult => {
    if (error instanceof StopRead) return problemAt(error.problem, error.offset);
    const message = error instanceof Error ? error.message : String(error);
    const fromParser =
      error instanceof TokenizerError ||
      error instanceof TokenParserError ||
      message.startsWith('Parser ended');
    if (!fromParser) throw error;
    const absolute = /absolute position "(\d+)"/.exec(message);
    if (absolute) return problemAt({ message, syntax: syntaxOfTokenizerState(message) }, Number(absolute[1]));
    if (message.startsWith('Tokenizer ended')) {
      const syntax = message.includes('STRING')
        ? 'UnexpectedEndOfString'
        : message.includes('NUMBER')
          ? 'UnexpectedEndOfNumber'
          : 'ValueExpected';
      return problemAt({ message, syntax }, read);
    }
    if (message.startsWith('Parser ended')) {
      const syntax =
        open.length === 0 ? 'ValueExpected' : open.at(-1) ? 'CloseBraceExpected' : 'CloseBracketExpected';
      return problemAt({ message, syntax }, read);
    }
    return problemAt({ message, syntax: syntaxOfParserState(message, open.at(-1) ?? false) }, lastOffset);
  };

  try {
    for await (const chunk of source) {
      position.startChunk(chunk, read);
      tokenizer.write(chunk);
      read += chunk.length;
      await reader.afterChunk(read);
    }
    if (!sawToken) return problemAt({ message: 'empty file', syntax: 'EmptyFile' }, read);
    tokenizer.end();
    if (!parser.isEnded) parser.end();
  } catch (error) {
    return failure(error);
  }
  return rootIsObject ? { ok: true, top } : { ok: true, top: null };
}
