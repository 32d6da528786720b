/**
 * The self-check channels against a real core on a temp folder: runs stored as history, the
 * list summary (lazily checking imported listings, re-checking edited ones), the official-site
 * cache feeding the engine, and the HTML/PDF check report.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/services/app-core';
import { findChromium } from '../../electron/services/reports/chromium-printer';
import { rulesOfMask } from '../../shared/check/exposure';
import { defaultRulePack } from '../../shared/check/rulepack';
import type { ResponseOf } from '../../shared/ipc/contract';
import type { Listing } from '../../shared/listing/schema';
import { openTempCore } from '../helpers/temp-core';
import { readExample, tempDir } from '../helpers/temp-dir';

let tmp: ReturnType<typeof tempDir>;
let core: AppCore;
let clock = new Date('2026-11-23T02:00:00Z');
const printed: string[] = [];

function open(printerHtml?: (html: string) => Promise<Uint8Array>) {
  core = openTempCore(tmp.dir, {
    now: () => clock,
    // The official-site page below is served from 127.0.0.1 (refused outside tests).
    allowPrivateSiteAddresses: true,
    ...(printerHtml ? { printer: { htmlToPdf: printerHtml } } : {}),
    core: { alertIntervalMs: undefined }, // the default alert timer
  });
}

beforeEach(() => {
  tmp = tempDir();
  clock = new Date('2026-11-23T02:00:00Z');
  open(async (html) => {
    printed.push(html);
    return new TextEncoder().encode('%PDF-fake');
  });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await core.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const violating = readExample('violating-image.json') as Listing;
const clean = readExample('clean-saas-crm.json') as Listing;

describe('checks.run and checks.history', () => {
  it('stores one history row per run with counts, exposure and the pack version', async () => {
    const record = await call<{ localId: string }>('listings.create', { listing: violating });
    const first = await call<ResponseOf<'checks.run'>>('checks.run', { localId: record.localId });
    expect(first.run.counts.blockers).toBeGreaterThan(3);
    expect(first.run.packId).toBe('jdcloud-marketplace-2019');
    expect(first.run.packVersion).toMatch(/^\d+\.\d+\.\d+$/);
    // 清退 rows (off-platform trade, privacy) are in there: exposure says expel and the whole deposit.
    expect(first.run.exposure.expel).toBe(true);
    expect(first.run.exposure.depositAll).toBe(true);
    expect(first.run.rules).toContain('superlative');
    expect(first.findings.filter((f) => f.severity === 'blocker')).toHaveLength(first.run.counts.blockers);

    // Fix the official site and the terms, save, run again: the history shows both runs, fewer findings.
    clock = new Date('2026-11-23T03:00:00Z');
    const fixed: Listing = {
      ...violating,
      serviceTerms: clean.serviceTerms!,
      officialSite: { productPageUrl: 'https://fastlnmp.example.com/lnmp' },
    };
    await call('listings.update', { localId: record.localId, revision: 1, listing: fixed });
    const second = await call<ResponseOf<'checks.run'>>('checks.run', { localId: record.localId });
    const history = await call<ResponseOf<'checks.history'>>('checks.history', { localId: record.localId });
    expect(history.map((r) => r.revision)).toEqual([1, 2]);
    expect(history.map((r) => r.checkedAt)).toEqual(['2026-11-23T02:00:00.000Z', '2026-11-23T03:00:00.000Z']);
    expect(second.run.counts.blockers).toBeLessThan(first.run.counts.blockers);
    expect(history[1]).toEqual(second.run);
  });

  it('deleting a listing deletes its history; unknown listings are not-found', async () => {
    const record = await call<{ localId: string }>('listings.create', { listing: clean });
    await call('checks.run', { localId: record.localId });
    await call('listings.delete', { localId: record.localId });
    const result = await core.dispatch('checks.history', { localId: record.localId });
    expect(result.ok ? null : result.error.code).toBe('not-found');
    expect((core.store.db.prepare('SELECT count(*) AS n FROM check_runs').get() as { n: number }).n).toBe(0);
  });
});

describe('checks.summary', () => {
  it('checks imported listings once, and re-checks a listing after it changed', async () => {
    await call('listings.import', {
      files: [{ name: 'two.json', text: JSON.stringify({ listings: [violating, clean] }) }],
    });
    const summary = await call<ResponseOf<'checks.summary'>>('checks.summary', {});
    expect(summary).toHaveLength(2);
    const bad = summary.find((s) => s.listingId === 'EX-IMG-02')!;
    const good = summary.find((s) => s.listingId === 'EX-CRM-01')!;
    expect(bad.check?.counts.blockers).toBeGreaterThan(0);
    expect(good.check?.counts.blockers).toBe(0);
    expect(bad.check?.checkedAt).toBe('2026-11-23T02:00:00.000Z');

    // A second summary stores nothing new.
    const runsBefore = (core.store.db.prepare('SELECT count(*) AS n FROM check_runs').get() as { n: number })
      .n;
    await call('checks.summary', {});
    expect((core.store.db.prepare('SELECT count(*) AS n FROM check_runs').get() as { n: number }).n).toBe(
      runsBefore,
    );

    clock = new Date('2026-11-24T02:00:00Z');
    await call('listings.update', {
      localId: good.localId,
      revision: good.revision,
      listing: { ...clean, serviceTerms: null },
    });
    const after = await call<ResponseOf<'checks.summary'>>('checks.summary', {});
    const edited = after.find((s) => s.localId === good.localId)!;
    expect(edited.check?.counts.blockers).toBe(1);
    expect(rulesOfMask(edited.check!.ruleMask)).toContain('service-terms-missing');
    expect(rulesOfMask(bad.check!.ruleMask)).toEqual(
      expect.arrayContaining(['superlative', 'external-link', 'off-platform-trade']),
    );
    expect(edited.check?.checkedAt).toBe('2026-11-24T02:00:00.000Z');
  });

  it('summarises 10,000 imported listings (prints the time; no timing assertion)', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      ...(i % 2 ? violating : clean),
      id: `BULK-${i}`,
      title: `批量商品 ${i} ${(i % 2 ? violating : clean).title}`,
    }));
    const files = [0, 1, 2, 3, 4].map((k) => ({
      name: `bulk-${k}.json`,
      text: JSON.stringify({ listings: many.slice(k * 2000, (k + 1) * 2000) }),
    }));
    const t0 = performance.now();
    for (const file of files) await call('listings.import', { files: [file] });
    const t1 = performance.now();
    const summary = await call<ResponseOf<'checks.summary'>>('checks.summary', {});
    const t2 = performance.now();
    const again = await call<ResponseOf<'checks.summary'>>('checks.summary', {});
    const t3 = performance.now();
    console.log(
      `[checks] import 10,000: ${(t1 - t0).toFixed(0)} ms; first summary (checks all): ${(t2 - t1).toFixed(0)} ms; ` +
        `next summary: ${(t3 - t2).toFixed(0)} ms; payload ${(JSON.stringify(again).length / 1024).toFixed(0)} KB`,
    );
    expect(summary).toHaveLength(10_000);
    expect(again.filter((s) => s.check && s.check.counts.blockers > 0)).toHaveLength(5_000);
  }, 120_000);
});

describe('official-site verification', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/lnmp') {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<html><body><h1>全网最优 LNMP 一键环境镜像</h1><p>已入驻京东云云市场</p></body></html>');
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('is fetched, cached with its time, and turns the info finding into the real outcome', async () => {
    const url = `${base}/lnmp`;
    const listing: Listing = { ...violating, officialSite: { productPageUrl: url } };
    const record = await call<{ localId: string }>('listings.create', { listing });
    const before = await call<ResponseOf<'checks.run'>>('checks.run', { localId: record.localId });
    expect(before.findings.find((f) => f.ruleId === 'official-site-missing')?.severity).toBe('info');
    expect(await call('checks.cachedVerification', { url })).toEqual({ verification: null });

    const verified = await call<ResponseOf<'checks.verifyOfficialSite'>>('checks.verifyOfficialSite', {
      url,
      title: listing.title,
    });
    expect(verified).toMatchObject({
      status: 'verified',
      checkedAt: '2026-11-23T02:00:00.000Z',
      found: { pageExists: true, namesProduct: true, statesPartnership: true },
    });
    expect(await call('checks.cachedVerification', { url: ` ${url} ` })).toEqual({ verification: verified });
    const after = await call<ResponseOf<'checks.run'>>('checks.run', { localId: record.localId });
    expect(after.findings.some((f) => f.ruleId === 'official-site-missing')).toBe(false);

    const missing = await call<ResponseOf<'checks.verifyOfficialSite'>>('checks.verifyOfficialSite', {
      url: `${base}/gone`,
      title: listing.title,
    });
    expect(missing.status).toBe('problems');
    expect(missing.missing).toContain('pageExists');
  });
});

describe('checks.verifyOfficialSite outside tests', () => {
  it('refuses a loopback page (no test hook) as unreachable, naming the address', async () => {
    const other = tempDir();
    const strict = openTempCore(other.dir, { now: () => clock, core: { alertIntervalMs: undefined } });
    try {
      const result = await strict.dispatch('checks.verifyOfficialSite', {
        url: 'http://127.0.0.1:9/lnmp',
        title: 'LNMP',
      });
      expect(result).toMatchObject({
        ok: true,
        value: { status: 'unreachable', error: expect.stringMatching(/^refused: 127\.0\.0\.1 .*loopback/) },
      });
    } finally {
      strict.close();
      other.cleanup();
    }
  });
});

describe('checks.report', () => {
  it('renders a self-contained HTML report with findings, clauses, penalties, exposure and the pack version', async () => {
    const evil: Listing = { ...violating, title: `${violating.title}<script>alert(1)</script>` };
    const report = await call<ResponseOf<'checks.report'>>('checks.report', {
      listing: evil,
      format: 'html',
      locale: 'zh-CN',
    });
    expect(report.mimeType).toBe('text/html');
    expect(report.fileName).toBe('check-report-EX-IMG-02-2026-11-23.html');
    const html = report.content;
    expect(html).toContain('全网最优 LNMP 一键环境镜像 京东云官方推荐&lt;script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=/i); // nothing external
    expect(html).toContain(`jdcloud-marketplace-2019 ${defaultRulePack.version}`);
    expect(html).toContain('第十条'); // a clause
    expect(html).toContain('清退');
    expect(html).toContain('2026/11/23 10:00'); // Beijing time
    // The rule column names the rule, its id small beneath (issue 17).
    expect(html).toContain('<td>绝对化用语<br><code class="rule-id">superlative</code></td>');
    expect(html).toContain('不可提交');
    const en = await call<ResponseOf<'checks.report'>>('checks.report', {
      listing: clean,
      format: 'html',
      locale: 'en',
    });
    expect(en.content).toContain('Ready to submit');
  });

  it('prints the PDF through the platform printer, base64 over the bridge', async () => {
    const report = await call<ResponseOf<'checks.report'>>('checks.report', {
      listing: violating,
      format: 'pdf',
      locale: 'en',
    });
    expect(report).toMatchObject({
      mimeType: 'application/pdf',
      encoding: 'base64',
      fileName: 'check-report-EX-IMG-02-2026-11-23.pdf',
    });
    expect(Buffer.from(report.content, 'base64').toString()).toBe('%PDF-fake');
    expect(printed.at(-1)).toContain(violating.title);
  });

  it('says clearly when PDF printing is unavailable', async () => {
    core.close();
    open(async () => {
      const { createChromiumPrinter } = await import('../../electron/services/reports/chromium-printer');
      return createChromiumPrinter({ executablePath: '/nonexistent/chromium' }).htmlToPdf('<p>x</p>');
    });
    const result = await core.dispatch('checks.report', { listing: violating, format: 'pdf', locale: 'en' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toMatch(/PDF needs Chromium.*HTML report/);
      expect(result.error.details).toEqual({ reason: 'pdf-unavailable' });
    }
  });

  it.skipIf(!findChromium())(
    'prints a real PDF with headless Chromium',
    async () => {
      core.close();
      open(); // the default printer: Chromium
      const report = await call<ResponseOf<'checks.report'>>('checks.report', {
        listing: violating,
        format: 'pdf',
        locale: 'zh-CN',
      });
      const pdf = Buffer.from(report.content, 'base64');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
      // A4 portrait (595 × 842 pt), not Letter (612 × 792), and the findings fit on few pages
      // (issue 17: rows were one per page with one-character-wide columns).
      const text = pdf.toString('latin1');
      const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
        Math.round(Number(m[1])),
        Math.round(Number(m[2])),
      ]);
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) expect(box).toEqual([595, 842]);
      // 12 findings: about three pages, not one page each.
      const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeLessThanOrEqual(4);
    },
    60_000,
  );
});
