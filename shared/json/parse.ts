/**
 * JSON parsing that names *where* a file is broken. JSON.parse's own message differs between
 * engines; we normalise it to a line and column so the CLI and the import dialog can say
 * "file.json:3:14: Unexpected token" the same way everywhere.
 */
export interface JsonSyntaxProblem {
  message: string;
  /** 1-based, or undefined when the engine did not report a position. */
  line?: number;
  column?: number;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

export function parseJsonWithPosition(text: string): JsonParseResult {
  // A UTF-8 BOM is common in files saved by Windows editors; it is not an error.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    if (lineCol) {
      return { ok: false, problem: { message, line: Number(lineCol[1]), column: Number(lineCol[2]) } };
    }
    if (position !== undefined) {
      return { ok: false, problem: { message, ...lineColumnAt(source, Number(position)) } };
    }
    if (source.trim() === '') return { ok: false, problem: { message: 'empty file', line: 1, column: 1 } };
    return { ok: false, problem: { message, ...lineColumnAt(source, source.length) } };
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
