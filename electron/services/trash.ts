/**
 * Delete with undo (issue 17): the rows a delete removes (and the rows that hang off them, such as
 * a listing's check runs) are kept in memory under a token, and undo inserts exactly those rows
 * back — same ids, revisions and history — in one transaction. The last `limit` deletes are kept
 * while the app runs; an undo after a restart, or of a delete pushed out, says it cannot.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/ipc/errors';
import { chunksOf, placeholders } from './db/bulk-sql';
import type { Store } from './db/database';

/** Rows of one table selected by a key column; tables in the order they are put back (parents first). */
export interface TrashSpec {
  table: string;
  key: string;
  values: readonly (string | number)[];
}

type Row = Record<string, unknown>;

const CHUNK = 500;

export class Trash {
  private readonly entries = new Map<string, { table: string; rows: Row[] }[]>();

  constructor(
    private readonly store: Store,
    private readonly limit = 50,
  ) {}

  /** Deletes the rows of every spec (children are listed after their parents), returning the count of the first spec's rows and an undo token. */
  delete(specs: readonly TrashSpec[]): { deleted: number; undoToken: string } {
    if (!this.store.writable) throw new AppError('read-only', this.store.state.message ?? 'read-only');
    const captured = this.store.write((db) => {
      const out: { table: string; rows: Row[] }[] = specs.map((s) => ({ table: s.table, rows: [] }));
      specs.forEach((spec, i) => {
        for (const chunk of chunksOf(spec.values, CHUNK)) {
          out[i]!.rows.push(
            ...(db
              .prepare(`SELECT * FROM ${spec.table} WHERE ${spec.key} IN (${placeholders(chunk.length)})`)
              .all(...chunk) as Row[]),
          );
        }
      });
      // Children first, so foreign keys never see an orphan.
      for (let i = specs.length - 1; i >= 0; i--) {
        const spec = specs[i]!;
        for (const chunk of chunksOf(spec.values, CHUNK)) {
          db.prepare(`DELETE FROM ${spec.table} WHERE ${spec.key} IN (${placeholders(chunk.length)})`).run(
            ...chunk,
          );
        }
      }
      return out;
    });
    const undoToken = randomUUID();
    this.entries.set(undoToken, captured);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return { deleted: captured[0]?.rows.length ?? 0, undoToken };
  }

  /** Puts back what the token's delete removed; a record re-created since with the same id is a conflict (nothing restored). */
  undo(undoToken: string): { restored: number } {
    const captured = this.entries.get(undoToken);
    if (!captured)
      throw new AppError(
        'not-found',
        '无法撤销：这次删除已过期（应用重启过，或之后又删除了 50 次以上）/ cannot undo: this delete is no longer kept (the app restarted, or more than 50 deletes followed)',
      );
    this.store.write((db) => {
      for (const { table, rows } of captured) {
        for (const row of rows) {
          const columns = Object.keys(row);
          try {
            db.prepare(
              `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
            ).run(row);
          } catch (error) {
            if (error instanceof Error && /UNIQUE|PRIMARY KEY/.test(error.message))
              throw new AppError(
                'conflict',
                '无法撤销：已有同编号的记录（删除后又导入或新建过），未恢复任何内容 / cannot undo: a record with the same id was added since; nothing was restored',
              );
            throw error;
          }
        }
      }
    });
    this.entries.delete(undoToken);
    return { restored: captured[0]?.rows.length ?? 0 };
  }
}
