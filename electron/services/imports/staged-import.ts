/**
 * One import file, whole or nothing (issue 17), in bounded memory and without holding the core's
 * thread (issue 11: no request waits more than 100 ms behind an import):
 *
 *   1. read: the file streams through json-records; each record is validated as it arrives and,
 *      if valid, its validated form is appended to a staging file (one JSON line per record,
 *      under the data folder). Nothing is stored. A broken byte or a bad record anywhere ends
 *      here with every problem named (the first MAX_LISTED_PROBLEMS of them, and a count).
 *   2. write: only a file that read cleanly is stored, from the staging file, in batches that
 *      each take about IMPORT_SLICE_MS in one transaction, yielding between them — or, for a small
 *      file (the format's `wholeUpTo`), in one transaction, so even a crash cannot leave half of it.
 *
 * Staging instead of a second parse: the validated lines read back with JSON.parse at a fraction
 * of the streaming parser's cost (measured: 100 MB of tickets ~6 s to stream-parse, ~1 s to read
 * back), and a listing's zod validation is not paid twice.
 *
 * Cancel (`call.signal`) stops the read (nothing stored) or the write after its last committed
 * batch (those are kept and counted). Progress: while reading, bytes of the file and records
 * found (ProgressDetail); while writing, records stored of the records read.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { ImportProblem } from '../../../shared/ipc/contract';
import type { CallContext } from '../../../shared/ipc/dispatch';
import type { Upload, UploadSource } from '../uploads';
import { readJsonRecords, type JsonReadProblem } from './json-records';

/**
 * One transaction holds at most this much work (ms) before it commits and lets other requests in,
 * and reading yields after about this much parsing.
 */
export const IMPORT_SLICE_MS = 15;

/** A file lists at most this many problems (a bad 1,000,000-row file would list a million). */
export const MAX_LISTED_PROBLEMS = 100;

/** The file's bytes, streamed: uploaded (a file on disk) or inline text (scripts, tests). */
export interface ImportSource {
  name: string;
  bytes: number;
  chunks(): AsyncIterable<Uint8Array>;
  /** All the bytes at once (a small file read whole): one read, no chunks to join. */
  whole(): Promise<Uint8Array>;
  /** Removes a temporary upload; called once the import of this file is over. */
  dispose(): Promise<void>;
}

/** Small enough that one chunk of listings (parsed and validated at once) stays well under a slice. */
const CHUNK_BYTES = 16 * 1024;

/** The source of one request file, or null when its upload is unknown (expired, or taken already). */
export async function openImportSource(
  file: { name: string; text: string } | { name: string; uploadId: string },
  uploads: UploadSource | undefined,
): Promise<ImportSource | null> {
  if ('text' in file) {
    const bytes = Buffer.from(file.text);
    return {
      name: file.name,
      bytes: bytes.length,
      chunks: async function* () {
        for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
      },
      whole: () => Promise.resolve(bytes),
      dispose: async () => undefined,
    };
  }
  const upload: Upload | null = (await uploads?.take(file.uploadId)) ?? null;
  if (!upload) return null;
  return {
    name: file.name,
    bytes: upload.bytes,
    chunks: () => fs.createReadStream(upload.path, { highWaterMark: CHUNK_BYTES }),
    whole: () => fs.promises.readFile(upload.path),
    dispose: async () => {
      if (upload.temporary) await fs.promises.rm(upload.path, { force: true });
    },
  };
}

/** Problems of one file, the first MAX_LISTED_PROBLEMS kept. */
export class ProblemList {
  readonly listed: ImportProblem[] = [];
  omitted = 0;
  add(problem: ImportProblem): void {
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
    else this.omitted++;
  }
  get count(): number {
    return this.listed.length + this.omitted;
  }
  /** The result fields: `problems` and, when some were left out, `problemsOmitted`. */
  fields(): { problems: ImportProblem[]; problemsOmitted?: number } {
    return this.omitted > 0
      ? { problems: this.listed, problemsOmitted: this.omitted }
      : { problems: this.listed };
  }
}

export interface RecordValidator {
  /** Top-level arrays whose elements are records. */
  arrays: readonly string[];
  /** A record larger than this (bytes of JSON) is refused and stops the read. */
  maxRecordBytes: number;
  /**
   * Validates one record; returns its validated form to store, `undefined` for a record that is
   * checked but not stored, after adding its problems to `problems` when it is invalid.
   */
  record(
    array: string,
    index: number,
    value: unknown,
    line: number,
    problems: ProblemList,
    bytes: number,
  ): unknown;
  /** Forgets what `record` learnt across records (a small file read whole first is read again, streamed, when it has a problem). */
  reset?(): void;
}

/** The validated records of one file, by array, until `remove()`: on disk, or in memory for a small file. */
export interface Staged {
  count(array: string): number;
  /** The records of `array` in file order, `batchSize()` at a time. */
  batches(array: string, batchSize: () => number): AsyncGenerator<unknown[]>;
  remove(): Promise<void>;
}

export type ReadOutcome =
  | { kind: 'read'; top: Record<string, unknown>; staged: Staged }
  /** The file is JSON but its top level is not an object. */
  | { kind: 'not-object' }
  | { kind: 'invalid'; problems: ProblemList; jsonProblem?: JsonReadProblem }
  | { kind: 'cancelled' };

/** Staged on disk (JSON lines), for files of any size. */
export class StagedRecords implements Staged {
  private readonly files = new Map<string, { path: string; out: fs.WriteStream; count: number }>();
  constructor(private readonly dir: string) {}

  add(array: string, value: unknown): void {
    let file = this.files.get(array);
    if (!file) {
      const at = path.join(this.dir, `staging-${crypto.randomUUID()}.jsonl`);
      file = { path: at, out: fs.createWriteStream(at, { mode: 0o600 }), count: 0 };
      this.files.set(array, file);
    }
    file.out.write(`${JSON.stringify(value)}\n`);
    file.count++;
  }

  count(array: string): number {
    return this.files.get(array)?.count ?? 0;
  }

  /** Waits while a staging file's buffer is full (the parser outruns the disk). */
  async drained(): Promise<void> {
    for (const { out } of this.files.values()) {
      if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }

  /** Closes the staging files (before they are read back). */
  async finish(): Promise<void> {
    await Promise.all(
      [...this.files.values()].map(
        ({ out }) =>
          new Promise<void>((resolve, reject) =>
            out.end((error?: Error | null) => (error ? reject(error) : resolve())),
          ),
      ),
    );
  }

  /** The records of `array` in file order, `batchSize()` at a time. */
  async *batches(array: string, batchSize: () => number): AsyncGenerator<unknown[]> {
    const file = this.files.get(array);
    if (!file) return;
    const lines = readline.createInterface({
      input: fs.createReadStream(file.path, { highWaterMark: CHUNK_BYTES }),
      crlfDelay: Infinity,
    });
    let batch: unknown[] = [];
    for await (const line of lines) {
      batch.push(JSON.parse(line));
      if (batch.length >= batchSize()) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  async remove(): Promise<void> {
    for (const { path: at, out } of this.files.values()) {
      out.destroy();
      await fs.promises.rm(at, { force: true });
    }
    this.files.clear();
  }
}

/** Staged in memory: the records of a file read whole. */
class RecordsInMemory implements Staged {
  constructor(private readonly records: Map<string, unknown[]>) {}
  count(array: string): number {
    return this.records.get(array)?.length ?? 0;
  }
  async *batches(array: string, batchSize: () => number): AsyncGenerator<unknown[]> {
    const all = this.records.get(array) ?? [];
    for (let at = 0; at < all.length;) {
      const size = batchSize();
      yield all.slice(at, at + size);
      at += size;
    }
  }
  async remove(): Promise<void> {
    this.records.clear();
    return Promise.resolve();
  }
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Files up to this size are first read whole (JSON.parse, ~25× the streaming parser's speed; a
 * 25,000-ticket file is 2.5 MB). Only a file that parses and validates throughout is taken this
 * way; any problem, or a bigger file, goes the streaming way, which names lines and columns.
 */
export const WHOLE_READ_BYTES = 8 * 1024 * 1024;

/**
 * The fast way for a small file: parse, validate every record, keep them in memory. Null when the
 * file is not plain good (broken JSON, not an object, a record array that is not an array, any
 * problem): the caller reads it again the streaming way, for the same messages.
 */
async function readWhole(
  source: ImportSource,
  validator: RecordValidator,
  call: CallContext,
): Promise<ReadOutcome | null> {
  const bytes = await source.whole();
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const top = { ...(parsed as Record<string, unknown>) };
  const problems = new ProblemList();
  const records = new Map<string, unknown[]>();
  let read = 0;
  let sliceStart = performance.now();
  for (const array of validator.arrays) {
    const list = top[array];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return null;
    const valid: unknown[] = [];
    // The record's size is at most the file's: the validators measure it only past their limit.
    for (let index = 0; index < list.length; index++) {
      const value = validator.record(array, index, list[index], 0, problems, source.bytes);
      if (problems.count > 0) return null;
      if (value !== undefined) valid.push(value);
      read++;
      // As the streaming way does between chunks: other requests go first every slice.
      if (performance.now() - sliceStart > IMPORT_SLICE_MS) {
        call.progress(0, 0, { bytesDone: source.bytes, bytesTotal: source.bytes, recordsRead: read });
        await yieldToOthers();
        if (call.signal.aborted) return { kind: 'cancelled' };
        sliceStart = performance.now();
      }
    }
    records.set(array, valid);
    top[array] = [];
  }
  return { kind: 'read', top, staged: new RecordsInMemory(records) };
}

/** Pass 1: reads (small files whole, others streamed), validates and stages the file; stores nothing. */
export async function readAndStage(
  source: ImportSource,
  validator: RecordValidator,
  stagingDir: string,
  call: CallContext,
): Promise<ReadOutcome> {
  if (source.bytes <= WHOLE_READ_BYTES) {
    call.progress(0, 0, { bytesDone: 0, bytesTotal: source.bytes, recordsRead: 0 });
    const whole = await readWhole(source, validator, call);
    if (whole) return whole;
    validator.reset?.();
  }
  const problems = new ProblemList();
  const staged = new StagedRecords(stagingDir);
  let records = 0;
  let sliceStart = performance.now();
  let cancelled = false;
  let keep = false;
  try {
    call.progress(0, 0, { bytesDone: 0, bytesTotal: source.bytes, recordsRead: 0 });
    const read = await readJsonRecords(source.chunks(), {
      arrays: validator.arrays,
      maxRecordBytes: validator.maxRecordBytes,
      record: (array, index, value, line, bytes) => {
        records++;
        const valid = validator.record(array, index, value, line, problems, bytes);
        // Once the file is known to be bad nothing more is staged; reading goes on to list problems.
        if (valid !== undefined && problems.count === 0) staged.add(array, valid);
      },
      afterChunk: async (bytesRead) => {
        await staged.drained();
        if (performance.now() - sliceStart > IMPORT_SLICE_MS) {
          call.progress(0, 0, { bytesDone: bytesRead, bytesTotal: source.bytes, recordsRead: records });
          await yieldToOthers();
          sliceStart = performance.now();
        }
        if (call.signal.aborted) {
          cancelled = true;
          throw new Error('cancelled');
        }
      },
    });
    await staged.finish();
    if (!read.ok) return { kind: 'invalid', problems, jsonProblem: read.problem };
    if (read.top === null) return { kind: 'not-object' };
    call.progress(0, 0, { bytesDone: source.bytes, bytesTotal: source.bytes, recordsRead: records });
    if (problems.count > 0) return { kind: 'invalid', problems };
    keep = true;
    return { kind: 'read', top: read.top, staged };
  } catch (error) {
    if (cancelled) return { kind: 'cancelled' };
    throw error;
  } finally {
    if (!keep) await staged.remove();
  }
}

export interface WriteOutcome {
  written: number;
  cancelled: boolean;
  /** A batch that failed to store (rolled back); the batches before it are kept. */
  error?: unknown;
}

/**
 * Pass 2: stores the staged records of `array` with `store` (one transaction per batch; the batch
 * grows while it stays under IMPORT_SLICE_MS), yielding between batches. `progress` gets the
 * records stored so far.
 */
export async function writeStaged(
  staged: Staged,
  array: string,
  store: (batch: unknown[]) => void,
  call: CallContext,
  progress: (written: number) => void,
  /** Up to this many records are one transaction: stored whole even if the app is killed meanwhile. */
  wholeUpTo = 0,
): Promise<WriteOutcome> {
  const whole = staged.count(array) <= wholeUpTo;
  let size = whole ? Infinity : 20;
  let written = 0;
  try {
    for await (const batch of staged.batches(array, () => size)) {
      if (call.signal.aborted) return { written, cancelled: true };
      const started = performance.now();
      store(batch);
      written += batch.length;
      const ms = performance.now() - started;
      if (!whole) size = Math.max(1, Math.min(5000, Math.round((size * IMPORT_SLICE_MS) / Math.max(ms, 1))));
      progress(written);
      await yieldToOthers();
    }
  } catch (error) {
    return { written, cancelled: false, error };
  }
  return { written, cancelled: false };
}
