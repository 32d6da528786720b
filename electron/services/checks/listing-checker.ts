/**
 * Checks listings where they are written (issue 11): a save or an import checks what it stored
 * with the same engine the editor runs live and records the run — its summary lands in the
 * listing's own row (migration 0004) — so reading the list never checks anything. Findings a user
 * dismissed (migration 0005) are kept, marked dismissed, and no longer count as blockers or exposure.
 */
import { checkListing, defaultCompiledPack } from '../../../shared/check/engine';
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

export class ListingChecker {
  readonly compiled = defaultCompiledPack();
  readonly runs: CheckRunsRepository;
  readonly siteCache: OfficialSiteCacheRepository;
  readonly dismissals: FindingDismissalsRepository;
  /** "<pack id>@<version>", as stored in listings.check_pack. */
  readonly packKey: string;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {
    this.runs = new CheckRunsRepository(store);
    this.siteCache = new OfficialSiteCacheRepository(store);
    this.dismissals = new FindingDismissalsRepository(store);
    this.packKey = `${this.compiled.pack.id}@${this.compiled.pack.version}`;
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
}
