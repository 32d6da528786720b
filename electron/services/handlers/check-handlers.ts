/**
 * Self-check channels in main: runs are checked here with the same engine the editor runs live,
 * stored as history rows, and summarised for the listings page. The official-site verification
 * is fetched here (the renderer has no network) and cached per URL.
 */
import { checkListing, defaultCompiledPack } from '../../../shared/check/engine';
import type { CheckContext, Finding, RuleId } from '../../../shared/check/types';
import { countsOf, exposureOf } from '../../../shared/check/exposure';
import type { CheckRun, ListingSummary } from '../../../shared/ipc/contract';
import type { Listing } from '../../../shared/listing/schema';
import { productNameCandidates } from '../../../shared/check/official-site';
import {
  applyDismissals,
  counts as stillCounts,
  findingFingerprint,
  type DismissedFinding,
} from '../../../shared/check/dismissals';
import { AppError } from '../../../shared/ipc/errors';
import { FindingDismissalsRepository } from '../repositories/finding-dismissals-repository';
import { userInfo } from 'node:os';
import { verifyOfficialSite } from '../official-site/verify';
import { renderCheckReport, reportFileName } from '../reports/check-report';
import { CheckRunsRepository, type NewRun } from '../repositories/check-runs-repository';
import { OfficialSiteCacheRepository } from '../repositories/official-site-cache-repository';
import type { HandlerContext, HandlerGroup } from './types';

const SUMMARY_BATCH = 250;

type CheckChannels =
  | 'checks.run'
  | 'checks.summary'
  | 'checks.history'
  | 'checks.verifyOfficialSite'
  | 'checks.cachedVerification'
  | 'checks.report'
  | 'checks.dismissals'
  | 'checks.dismiss'
  | 'checks.restore';

export function checkHandlers(ctx: HandlerContext): HandlerGroup<CheckChannels> {
  const runs = new CheckRunsRepository(ctx.store);
  const siteCache = new OfficialSiteCacheRepository(ctx.store);
  const dismissals = new FindingDismissalsRepository(ctx.store);
  const compiled = defaultCompiledPack();
  const { id: packId, version: packVersion } = compiled.pack;

  const contextFor = (listing: Listing): CheckContext => {
    const url = listing.officialSite?.productPageUrl?.trim();
    const officialSite = url ? siteCache.get(url) : null;
    return officialSite ? { officialSite } : {};
  };

  // Dismissed findings are kept (shown as dismissed) but no longer count as blockers or exposure.
  const check = (listing: Listing, localId?: string): DismissedFinding[] => {
    const findings = checkListing(listing, compiled, contextFor(listing));
    return localId ? applyDismissals(listing, findings, dismissals.forListing(localId)) : findings;
  };
  const counted = (findings: DismissedFinding[]): Finding[] => findings.filter(stillCounts);
  const defaultUser = (() => {
    try {
      return userInfo().username || 'local';
    } catch {
      return 'local';
    }
  })();

  const newRun = (localId: string, revision: number, findings: Finding[]): NewRun => ({
    localId,
    revision,
    checkedAt: ctx.now().toISOString(),
    packId,
    packVersion,
    counts: countsOf(counted(findings)),
    exposure: exposureOf(counted(findings)),
    rules: [...new Set(counted(findings).map((f) => f.ruleId))].sort() as RuleId[],
  });

  const isCurrent = (summary: ListingSummary, run: CheckRun | null): boolean =>
    run !== null &&
    run.revision === summary.revision &&
    run.packId === packId &&
    run.packVersion === packVersion;

  return {
    'checks.run': ({ localId }) => {
      const record = ctx.listings.get(localId);
      const findings = check(record.listing, localId);
      const [run] = runs.record([newRun(localId, record.revision, findings)]);
      return { run: run!, findings };
    },
    'checks.summary': async () => {
      let rows = runs.summaries();
      const stale = rows.filter((r) => !isCurrent(r.summary, r.latestRun)).map((r) => r.summary.localId);
      if (stale.length > 0 && ctx.store.writable) {
        // Listings imported or edited elsewhere (or checked by an older pack) are checked here,
        // so the list never shows a count from another revision. In batches, yielding between
        // them, so a first summary of 10,000 imported listings does not stall other requests.
        for (let at = 0; at < stale.length; at += SUMMARY_BATCH) {
          const batch = stale.slice(at, at + SUMMARY_BATCH);
          ctx.store.write(() =>
            runs.record(
              batch.map((localId) => {
                const record = ctx.listings.get(localId);
                return newRun(record.localId, record.revision, check(record.listing, record.localId));
              }),
            ),
          );
          await new Promise((resolve) => setImmediate(resolve));
        }
        rows = runs.summaries();
      }
      return rows.map((r) => r.summary);
    },
    'checks.history': ({ localId }) => {
      ctx.listings.get(localId); // not-found for an unknown listing rather than an empty history
      return runs.history(localId);
    },
    'checks.verifyOfficialSite': async ({ url, title, marketplaceListingUrl }) => {
      const trimmed = url.trim();
      const result = await verifyOfficialSite(trimmed, {
        productNames: productNameCandidates(title),
        ...(marketplaceListingUrl ? { marketplaceListingUrl } : {}),
        now: ctx.now,
      });
      if (ctx.store.writable) siteCache.put(result);
      return result;
    },
    'checks.cachedVerification': ({ url }) => ({ verification: url.trim() ? siteCache.get(url) : null }),
    'checks.dismissals': ({ localId }) => {
      ctx.listings.get(localId);
      return dismissals.forListing(localId);
    },
    'checks.dismiss': ({ localId, ruleId, field, start, end, reason, by }) => {
      const record = ctx.listings.get(localId);
      const finding = checkListing(record.listing, compiled, contextFor(record.listing)).find(
        (f) => f.ruleId === ruleId && f.field === field && f.start === start && f.end === end,
      );
      if (!finding)
        throw new AppError(
          'not-found',
          `no ${ruleId} finding at ${field}${start === undefined ? '' : ` ${start}–${end}`} in the saved listing (save first, or the text changed)`,
        );
      return dismissals.dismiss(localId, {
        fingerprint: findingFingerprint(record.listing, finding),
        ruleId,
        field,
        match: finding.match ?? null,
        reason,
        dismissedBy: by ?? defaultUser,
        dismissedAt: ctx.now().toISOString(),
      });
    },
    'checks.restore': ({ localId, fingerprint }) => {
      ctx.listings.get(localId);
      return { restored: dismissals.restore(localId, fingerprint) };
    },
    'checks.report': async ({ listing, format, locale, localId }) => {
      const findings = check(listing, localId);
      const generatedAt = ctx.now();
      const html = renderCheckReport({
        listing,
        findings,
        exposure: exposureOf(counted(findings)),
        pack: compiled.pack,
        generatedAt,
        locale,
      });
      if (format === 'html') {
        return {
          fileName: reportFileName(listing, generatedAt, 'html'),
          mimeType: 'text/html',
          encoding: 'utf8' as const,
          content: html,
        };
      }
      const pdf = await ctx.platform.printer.htmlToPdf(html);
      return {
        fileName: reportFileName(listing, generatedAt, 'pdf'),
        mimeType: 'application/pdf',
        encoding: 'base64' as const,
        content: Buffer.from(pdf).toString('base64'),
      };
    },
  };
}
