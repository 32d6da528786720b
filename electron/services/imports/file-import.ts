/**
 * One request file of an import, from its source to its result: the read-and-stage pass, the
 * format's decision on the whole file, the write pass, and the result's words. The formats
 * (listing-files.ts, compliance/import.ts) say only how to validate a record, what the whole
 * file means and how to store a batch.
 */
import fs from 'node:fs';
import type { ImportFile, ImportProblem, Locale } from '../../../shared/ipc/contract';
import type { CallContext } from '../../../shared/ipc/dispatch';
import { textIn } from '../text';
import { uploadsDir, type UploadSource } from '../uploads';
import type { JsonReadProblem } from './json-records';
import {
  openImportSource,
  ProblemList,
  readAndStage,
  writeStaged,
  type RecordValidator,
  type Staged,
} from './staged-import';

export interface FileImportContext {
  locale: Locale;
  uploads: UploadSource | undefined;
  /** Where staging files go (beside the uploads, under the data folder). */
  stagingDir: string;
  /** Removes a file that will not be imported (its temporary upload). */
  discard(file: ImportFile): Promise<void>;
}

export function fileImportContext(
  userDataDir: string,
  locale: Locale,
  uploads: UploadSource | undefined,
): FileImportContext {
  const stagingDir = uploadsDir(userDataDir);
  fs.mkdirSync(stagingDir, { recursive: true, mode: 0o700 });
  return {
    locale,
    uploads,
    stagingDir,
    discard: async (file) => {
      if ('uploadId' in file) await (await openImportSource(file, uploads))?.dispose();
    },
  };
}

/** How a format stores a file that read cleanly. */
export interface WritePlan {
  /** The staged array to store. */
  array: string;
  /** Records it will store (for progress). */
  total: number;
  /** Records to store that were not staged (the single listing of a §1 file). */
  extra?: unknown[];
  /**
   * A file of up to this many records is stored in one transaction (about 100 ms of work at
   * most): whole even if the app is killed. Bigger files go in time-sliced batches, and a crash
   * keeps the batches committed before it.
   */
  wholeUpTo: number;
  /** Called once with an empty batch when nothing else is stored (the ledger's `required`). */
  storeWhenEmpty?: boolean;
  store(batch: unknown[]): void;
}

export interface FileImportSpec extends RecordValidator {
  /**
   * The whole file, after every record read cleanly: its top-level fields (record arrays
   * emptied) and the staged records. Adds problems and returns null when the file is not to be
   * stored.
   */
  plan(top: Record<string, unknown>, staged: Staged, problems: ProblemList): WritePlan | null;
}

export interface FileImportOutcome {
  name: string;
  ok: boolean;
  /** Records stored (all of them when ok; committed batches when cancelled or interrupted). */
  stored: number;
  cancelled?: boolean;
  problems: ImportProblem[];
  problemsOmitted?: number;
}

export async function readFileWhole(
  file: ImportFile,
  call: CallContext,
  context: FileImportContext,
  spec: FileImportSpec,
): Promise<FileImportOutcome> {
  const t = textIn(context.locale, 'imports');
  const { name } = file;
  const failed = (problems: ProblemList): FileImportOutcome => ({
    name,
    ok: false,
    stored: 0,
    ...problems.fields(),
  });
  const source = await openImportSource(file, context.uploads);
  if (!source) {
    const problems = new ProblemList();
    problems.add({ path: '', message: t('problems.uploadMissing') });
    return failed(problems);
  }
  let staged: Staged | null = null;
  try {
    const read = await readAndStage(source, spec, context.stagingDir, call);
    if (read.kind === 'cancelled') return { name, ok: false, stored: 0, cancelled: true, problems: [] };
    if (read.kind === 'not-object') {
      const problems = new ProblemList();
      problems.add({ path: '', message: t('problems.notAnObject') });
      return failed(problems);
    }
    if (read.kind === 'invalid') {
      if (read.jsonProblem) read.problems.add(jsonProblemOf(read.jsonProblem, context.locale));
      return failed(read.problems);
    }
    staged = read.staged;
    const problems = new ProblemList();
    const plan = spec.plan(read.top, staged, problems);
    if (!plan || problems.count > 0) return failed(problems);
    const extra = plan.extra ?? [];
    let stored = 0;
    const progress = (written: number) => call.progress(written, plan.total);
    if (extra.length) {
      plan.store(extra);
      stored += extra.length;
      progress(stored);
    }
    const written = await writeStaged(
      staged,
      plan.array,
      plan.store,
      call,
      (n) => progress(stored + n),
      plan.wholeUpTo,
    );
    stored += written.written;
    if (stored === 0 && plan.storeWhenEmpty && !written.cancelled && written.error === undefined)
      plan.store([]);
    if (written.cancelled) return { name, ok: false, stored, cancelled: true, problems: [] };
    if (written.error !== undefined) {
      const reason = written.error instanceof Error ? written.error.message : String(written.error);
      return {
        name,
        ok: false,
        stored,
        problems: [{ path: '', message: t('problems.storeFailed', { reason }) }],
      };
    }
    return { name, ok: true, stored, problems: [] };
  } finally {
    await staged?.remove();
    await source.dispose();
  }
}

function jsonProblemOf(problem: JsonReadProblem, locale: Locale): ImportProblem {
  const place = { line: problem.line, column: problem.column };
  if (problem.tooLarge) {
    const { array, index, maxBytes } = problem.tooLarge;
    const mb = Math.round(maxBytes / 1e6);
    const t = textIn(locale, 'imports');
    return array
      ? { path: `${array}[${index}]`, message: t('problems.recordTooLarge', { mb }), ...place }
      : { path: '', message: t('problems.topTooLarge', { mb }), ...place };
  }
  return {
    path: '',
    message: problem.message,
    ...place,
    ...(problem.syntax ? { syntax: problem.syntax } : {}),
  };
}
