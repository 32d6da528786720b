/**
 * Self-check channels in main: runs are checked here with the same engine the editor runs live,
 * stored as history rows, and summarised for the listings page. The official-site verification
 * is fetched here (the renderer has no network) and cached per URL.
 */
import type { Finding } from '../../../shared/check/types';
import { exposureOf } from '../../../shared/check/exposure';
import type { Listing } from '../../../shared/listing/schema';
import { productNameCandidates } from '../../../shared/check/official-site';
import {
  counts as stillCounts,
  findingFingerprint,
  type DismissedFinding,
} from '../../../shared/check/dismissals';
import { AppError } from '../../../shared/ipc/errors';
import { userInfo } from 'node:os';
import { verifyOfficialSite } from '../official-site/verify';
import { renderCheckReport, reportFileName } from '../reports/check-report';
import type { HandlerContext, HandlerGroup } from './types';

type CheckChannels =
  | 'checks.run'
  | 'checks.summary'
  | 'checks.page'
  | 'checks.history'
  | 'checks.verifyOfficialSite'
  | 'checks.cachedVerification'
  | 'checks.report'
  | 'checks.dismissals'
  | 'checks.dismiss'
  | 'checks.restore';

export function checkHandlers(ctx: HandlerContext): HandlerGroup<CheckChannels> {
  const { checker } = ctx;
  const { runs, siteCache, dismissals } = checker;
  const check = (listing: Listing, localId?: string): DismissedFinding[] => checker.check(listing, localId);
  const counted = (findings: DismissedFinding[]): Finding[] => findings.filter(stillCounts);
  const defaultUser = (() => {
    try {
      return userInfo().username || 'local';
    } catch {
      return 'local';
    }
  })();
  /** A dismissal changes what counts: the listing's stored summary follows at once. */
  const recheck = (localId: string) => {
    if (ctx.store.writable) checker.recordIfChanged(ctx.listings.get(localId));
  };
  const checkStale = () => checker.checkStale((localId) => ctx.listings.get(localId));

  return {
    'checks.run': ({ localId }) => checker.recordIfChanged(ctx.listings.get(localId)),
    'checks.summary': async () => {
      await checkStale();
      return runs.summaries().map((r) => r.summary);
    },
    'checks.page': async (request) => {
      await checkStale();
      return runs.page(request);
    },
    'checks.history': ({ localId }) => {
      ctx.listings.assertExists(localId); // not-found for an unknown listing rather than an empty history
      return runs.history(localId);
    },
    'checks.verifyOfficialSite': async ({ url, title, marketplaceListingUrl }) => {
      const trimmed = url.trim();
      const result = await verifyOfficialSite(trimmed, {
        productNames: productNameCandidates(title),
        ...(marketplaceListingUrl ? { marketplaceListingUrl } : {}),
        now: ctx.now,
        allowPrivateAddresses: ctx.platform.allowPrivateSiteAddresses === true,
      });
      if (ctx.store.writable) siteCache.put(result);
      return result;
    },
    'checks.cachedVerification': ({ url }) => ({ verification: url.trim() ? siteCache.get(url) : null }),
    'checks.dismissals': ({ localId }) => {
      ctx.listings.assertExists(localId);
      return dismissals.forListing(localId);
    },
    'checks.dismiss': ({ localId, ruleId, field, start, end, reason, by }) => {
      const record = ctx.listings.get(localId);
      const finding = checker
        .check(record.listing)
        .find((f) => f.ruleId === ruleId && f.field === field && f.start === start && f.end === end);
      if (!finding)
        throw new AppError(
          'not-found',
          `no ${ruleId} finding at ${field}${start === undefined ? '' : ` ${start}–${end}`} in the saved listing (save first, or the text changed)`,
        );
      const dismissal = dismissals.dismiss(localId, {
        fingerprint: findingFingerprint(record.listing, finding),
        ruleId,
        field,
        match: finding.match ?? null,
        reason,
        dismissedBy: by ?? defaultUser,
        dismissedAt: ctx.now().toISOString(),
      });
      recheck(localId);
      return dismissal;
    },
    'checks.restore': ({ localId, fingerprint }) => {
      ctx.listings.assertExists(localId);
      const restored = dismissals.restore(localId, fingerprint);
      recheck(localId);
      return { restored };
    },
    'checks.report': async ({ listing, format, locale, localId }) => {
      const findings = check(listing, localId);
      const generatedAt = ctx.now();
      const html = renderCheckReport({
        listing,
        findings,
        exposure: exposureOf(counted(findings)),
        pack: checker.compiled.pack,
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
