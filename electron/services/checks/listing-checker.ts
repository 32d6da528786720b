/**
 * Checks listings where they are written (issue 11): a save or an import checks what it stored
 * with the same engine the editor runs live and records the run — its summary lands in the
 * listing's own row (migration 0004) — so reading the list never checks anything. Findings a user
 * dismissed (migration 0005) are kept, marked dismissed, and no longer count as blockers or exposure.
 */
import { checkListing, defaultCompiledPack } from '../../../shared/check/engine';
import type { CompiledRulePack } from '../../../shared/check/rulepack';
import { packKeyOf } from '../../../shared/check/rulepack-file';
import { countsOf, exposureOf } from '../../../shared/check/exposure';
import {
  applyDismissals,
  counts as stillCounts,
  type DismissedFinding,
} from '../../../shared/check/dismissals';
import type { CheckContext, Finding, RuleId } from '../../../shared/check/types';
import type { CheckRun, ListingRecord } from '../../../shared/ipc/contract';
import type { Listing } from '../../../shared/listing/schema';
import { CheckRunsRepository, type NewRun } from '../repositories/check-runs-repository';
import { FindingDismissalsRepository } from '../repositories/finding-dismissals-repository';
import { OfficialSiteCacheRepository } from '../repositories/official-site-cache-repository';
import type { Store } from '../db/database';

/** Listings checked per transaction when stale ones are brought up to date. */
const STALE_BATCH = 250;

const sameResult = (a: CheckRun | NewRun, b: CheckRun | NewRun) =>
  JSON.stringify([a.counts, a.exposure, a.rules]) === JSON.stringify([b.counts, b.exposure, b.rules]);

export class ListingChecker {
  /** The active rule pack (RulePackService chooses it; the bundled one until then). */
  private current: CompiledRulePack = defaultCompiledPack();
  readonly runs: CheckRunsRepository;
  readonly siteCache: OfficialSiteCacheRepository;
  readonly dismissals: FindingDismissalsRepository;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {
    this.runs = new CheckRunsRepository(store);
    this.siteCache = new OfficialSiteCacheRepository(store);
    this.dismissals = new FindingDismissalsRepository(store);
  }

  get compiled(): CompiledRulePack {
    return this.current;
  }

  /** "<pack id>@<version>", as stored in listings.check_pack. */
  get packKey(): string {
    return packKeyOf(this.current.pack);
  }

  /** Checks with another pack from now on: every listing checked by the old one becomes stale. */
  usePack(compiled: CompiledRulePack): void {
    this.current = compiled;
  }

  contextFor(listing: Listing): CheckContext {
    const url = listing.officialSite?.productPageUrl?.trim();
    const officialSite = url ? this.siteCache.get(url) : null;
    return officialSite ? { officialSite } : {};
  }

  /** The engine's findings, with the stored listing's dismissals applied when `localId` is given. */
  check(listing: Listing, localId?: string): DismissedFinding[] {
    const findings = checkListing(listing, this.compiled, this.contextFor(listing));
    return localId ? applyDismissals(listing, findings, this.dismissals.forListing(localId)) : findings;
  }

  /** The run of a check: dismissed findings do not count. */
  newRun(localId: string, revision: number, findings: readonly DismissedFinding[]): NewRun {
    const counted: Finding[] = findings.filter(stillCounts);
    return {
      localId,
      revision,
      checkedAt: this.now().toISOString(),
      packId: this.compiled.pack.id,
      packVersion: this.compiled.pack.version,
      counts: countsOf(counted),
      exposure: exposureOf(counted),
      rules: [...new Set(counted.map((f) => f.ruleId))].sort() as RuleId[],
    };
  }

  /** Checks stored records and records their runs (in the caller's transaction inside `store.write`). */
  checkAndRecord(records: readonly ListingRecord[]): CheckRun[] {
    if (records.length === 0 || !this.store.writable) return [];
    return this.runs.record(
      records.map((r) => this.newRun(r.localId, r.revision, this.check(r.listing, r.localId))),
    );
  }

  isCurrent(revision: number, checkRevision: number | null, checkPack: string | null): boolean {
    return checkRevision === revision && checkPack === this.packKey;
  }

  /**
   * Checks a stored listing and records the run only when its result differs from the latest
   * recorded for this revision and pack (a save already recorded it; a dismissal, an official-site
   * verification or a new pack may change it). Both `checks.run` and a dismissal's re-check use it.
   */
  recordIfChanged(record: ListingRecord): { run: CheckRun; findings: DismissedFinding[] } {
    const findings = this.check(record.listing, record.localId);
    const fresh = this.newRun(record.localId, record.revision, findings);
    const latest = this.runs.history(record.localId).at(-1);
    if (
      latest &&
      this.isCurrent(
        record.revision,
        latest.revision,
        packKeyOf({ id: latest.packId, version: latest.packVersion }),
      ) &&
      sameResult(latest, fresh)
    )
      return { run: latest, findings };
    const [run] = this.store.write(() => this.runs.record([fresh]));
    return { run: run!, findings };
  }

  /**
   * Saves and imports check what they store; only listings stored before that, or checked by
   * another pack, are stale. They are checked in batches, yielding between them so other requests
   * are not held up, with progress and a stop between batches (`signal`). The answer says how
   * many were checked of how many were stale (fewer when stopped).
   */
  async checkStale(
    load: (localId: string) => ListingRecord,
    options: { progress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
  ): Promise<{ checked: number; total: number }> {
    if (!this.store.writable) return { checked: 0, total: 0 };
    const stale = this.runs.staleIds(this.packKey);
    options.progress?.(0, stale.length);
    let done = 0;
    for (let at = 0; at < stale.length && !options.signal?.aborted; at += STALE_BATCH) {
      const batch = stale.slice(at, at + STALE_BATCH);
      this.store.write(() => this.checkAndRecord(batch.map(load)));
      done += batch.length;
      options.progress?.(done, stale.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { checked: done, total: stale.length };
  }
}
