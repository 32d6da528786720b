/**
 * Reading an engine's input file (tickets, deposit ledger, violations) with located errors:
 * the same JSON parser and field-path format as listing files, so the CLI and the app's importer
 * report `tickets[3].openedAt: …` identically.
 */
import type { z } from 'zod';
import { parseJsonWithPosition } from '../json/parse';
import { formatIssuePath } from '../listing/parse';

export interface InputProblem {
  /** "json" for unreadable JSON, "schema" for content that does not match formats.md. */
  kind: 'json' | 'schema';
  /** e.g. "tickets[3].openedAt", or "" for the whole file. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export type InputResult<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** Validates already-parsed JSON (e.g. from the app's importer or a database export). */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown): InputResult<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      kind: 'schema',
      path: formatIssuePath(issue.path),
      message: issue.message,
    })),
  };
}

export function parseInputText<S extends z.ZodType>(schema: S, text: string): InputResult<z.output<S>> {
  const json = parseJsonWithPosition(text);
  if (!json.ok) return { ok: false, problems: [{ kind: 'json', path: '', ...json.problem }] };
  return validateInput(schema, json.value);
}

/** `file:line:col: path: message` lines, as the CLI prints them. */
export function formatProblems(file: string, problems: readonly InputProblem[]): string {
  return problems
    .map((p) => {
      const where = p.line !== undefined ? `${file}:${p.line}:${p.column ?? 1}` : file;
      return `${where}: ${p.path || '(file)'}: ${p.message}`;
    })
    .join('\n');
}
