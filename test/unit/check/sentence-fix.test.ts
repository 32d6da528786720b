/**
 * Well-formed fixes (shared/check/sentence-fix.ts): real sentences from issue 17 and the dev
 * corpus, each with the sentence a person would write after the fix; then every fix of every
 * corpus listing, alone and all at once, checked for doubled or dangling punctuation, empty
 * clauses and tags, and for the finding it fixed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkListing, defaultCompiledPack } from '../../../shared/check/engine';
import { applyEdits, getFieldText, listTextFields } from '../../../shared/check/fields';
import {
  applySpanEdits,
  combineEdits,
  wellFormedEdits,
  type SentenceFixOptions,
} from '../../../shared/check/sentence-fix';
import type { Finding } from '../../../shared/check/types';
import type { Listing } from '../../../shared/listing/schema';

vi.mock('../../../renderer/src/api', () => ({ call: vi.fn() }));
const model = await import('../../../renderer/src/pages/listings/workspace-model');

const fold = defaultCompiledPack().fold;
/** `text` with `remove` (its first occurrence, or the occurrence after `after`) fixed. */
function fix(text: string, remove: string, kind: SentenceFixOptions['kind'], term = remove, after = '') {
  const start = text.indexOf(remove, after ? text.indexOf(after) + after.length : 0);
  expect(start).toBeGreaterThanOrEqual(0);
  const edits = wellFormedEdits(text, { start, end: start + remove.length, text: '' }, { kind, term, fold });
  // Every edit covers the span or lies apart from it; the span always goes.
  expect(edits.some((e) => e.start <= start && e.end >= start + remove.length) || edits.length > 1).toBe(
    true,
  );
  return applySpanEdits(text, edits);
}

describe('a removed term takes what only qualified it', () => {
  it.each([
    // issue 17
    ['本产品国内唯一、全网最低价，欢迎选购。', '唯一', '本产品全网最低价，欢迎选购。'],
    ['本产品国内唯一、全网最低价，欢迎选购。', '全网最低价', '本产品国内唯一，欢迎选购。'],
    ['国内唯一，全网最低价。', '唯一', '全网最低价。'],
    ['国内唯一，全网最低价。', '全网最低价', '国内唯一。'],
    ['高效、唯一、安全的方案', '唯一', '高效、安全的方案'],
    // dev corpus sentences
    ['云拓 CRM 全网第一销售管理系统（SaaS 标准版）', '第一', '云拓 CRM 销售管理系统（SaaS 标准版）'],
    ['国内唯一真正为一线销售设计的 CRM，帮助企业', '唯一', '真正为一线销售设计的 CRM，帮助企业'],
    [
      '<p><strong>云拓 CRM——全网第一的销售过程管理系统</strong></p>',
      '第一',
      '<p><strong>云拓 CRM——销售过程管理系统</strong></p>',
    ],
    ['<p>1. 唯一一款内置 AI 销售教练的 CRM', '唯一', '<p>1. 一款内置 AI 销售教练的 CRM'],
    [
      '<p>市場上唯一將報價、訂單與收款整合在同一畫面的 CRM',
      '唯一',
      '<p>將報價、訂單與收款整合在同一畫面的 CRM',
    ],
    ['業內唯一的方案', '唯一', '方案'],
    ['餐饮扫码点餐小程序行业第一', '第一', '餐饮扫码点餐小程序'],
    ['<p>启航 OA 是国内顶级的智能办公平台，融合', '顶级', '<p>启航 OA 是智能办公平台，融合'],
    [
      'LAMP 环境镜像 全网最低价（PHP 5.6 - 8.3 多版本）',
      '全网最低价',
      'LAMP 环境镜像（PHP 5.6 - 8.3 多版本）',
    ],
    ['No.1 API 管理平台 · 接口网关', 'No.1', 'API 管理平台 · 接口网关'],
    ['<p>本镜像同类镜像销量 No．１，集成 Apache 2.4', 'No．１', '<p>本镜像，集成 Apache 2.4'],
    // dangling 的 / 是, scope verbs, brackets
    ['我们的服务是唯一的。其他', '唯一', '我们的服务。其他'],
    ['我们独家的技术', '独家', '我们的技术'],
    ['安全、唯一的方案', '唯一', '安全的方案'],
    ['本系统位居行业第一。其他', '第一', '本系统。其他'],
    ['但是唯一，', '唯一', '但是，'], // 是 of 但是 is no copula
    ['LAMP 镜像（全网最低价）', '全网最低价', 'LAMP 镜像'],
    ['A。国内唯一。B', '唯一', 'A。B'],
    ['<p>国内唯一。</p>\n<p>下一段</p>', '唯一', '<p>下一段</p>'],
    ['<p>A，<strong>国内唯一</strong>，B</p>', '唯一', '<p>A，B</p>'],
  ])('%s − %s → %s', (text, remove, expected) => {
    expect(fix(text, remove, 'term')).toBe(expected);
  });

  it('a term that qualifies the next word keeps the words around it (绝对领先, 100% 安全)', () => {
    expect(fix('<p>速飞团队拥有绝对领先的前端性能', '绝对', 'term')).toBe('<p>速飞团队拥有领先的前端性能');
    expect(fix('质量绝对可靠', '绝对', 'term')).toBe('质量可靠');
    expect(fix('加固服务，100% 拦截 SQL 注入', '100%', 'term')).toBe('加固服务，拦截 SQL 注入');
    expect(fix('让您的网站 100% 安全。</p>', '100%', 'term')).toBe('让您的网站安全。</p>');
  });

  it('a term ending in 最 takes its one-character adjective, not a word', () => {
    expect(fix('自建数据库，史上最强迁移方案，全程护航。', '史上最', 'term')).toBe(
      '自建数据库，迁移方案，全程护航。',
    );
    expect(fix('史上最稳定的版本', '史上最', 'term')).toBe('稳定的版本');
  });

  it('a replacement keeps the sentence as it is', () => {
    const text = '是业内公认的最优选择。';
    const start = text.indexOf('最优');
    expect(
      wellFormedEdits(text, { start, end: start + 2, text: '优质' }, { kind: 'term', term: '最优', fold }),
    ).toEqual([{ start, end: start + 2, text: '优质' }]);
  });
});

describe('a removed link takes the clause that only pointed at it', () => {
  it.each([
    ['如需帮助，详情见 http://x.com 。', 'http://x.com', '如需帮助。'],
    ['详情见 http://x.com 。其他内容。', 'http://x.com', '其他内容。'],
    [
      '高级插件请访问 www.dbkit-soft.cn/plugins 购买后导入授权文件。',
      'www.dbkit-soft.cn/plugins',
      '高级插件请购买后导入授权文件。',
    ],
    [
      '安装命令后，请前往 https://passport.backupx.cn 注册 BackupX 账号，并在',
      'https://passport.backupx.cn',
      '安装命令后，请注册 BackupX 账号，并在',
    ],
    [
      '【安装】\nAgent 安装包及各平台安装说明请访问 ｗｗｗ．ｍｏｎｉｔｏｒｘ．ｃｏｍ／ｄｏｗｎｌｏａｄ 获取，安装后填写授权码即可。',
      'ｗｗｗ．ｍｏｎｉｔｏｒｘ．ｃｏｍ／ｄｏｗｎｌｏａｄ',
      '【安装】\n安装后填写授权码即可。',
    ],
    [
      '确认完成。</p>\n<p>更多防护案例请访问 www.dunan-safe.com/cases 查看。</p>\n<h3>售后</h3>',
      'www.dunan-safe.com/cases',
      '确认完成。</p>\n<h3>售后</h3>',
    ],
    [
      '【SDK 下载】\nJava、Python、Go、Node.js 版 SDK 及示例代码下载：www点pixhub点com（请将“点”替换为“.”）。\n\n【适用场景】',
      'www点pixhub点com',
      '【SDK 下载】\n\n【适用场景】',
    ],
    [
      '【文档】\n详细安装文档：lnmpstack.cn/docs/install\n\n【售后】',
      'lnmpstack.cn/docs/install',
      '【文档】\n\n【售后】',
    ],
    [
      '从 4.2 秒降至 1.1 秒，详细报告见 https://case.sufei-tech.cn/report/ecommerce',
      'https://case.sufei-tech.cn/report/ecommerce',
      '从 4.2 秒降至 1.1 秒',
    ],
    [
      '采集手机号，上传至 collect.safeguard-lab.cn 威胁情报中心分析',
      'collect.safeguard-lab.cn',
      '采集手机号，上传至威胁情报中心分析',
    ],
    ['Docs at example.com for details', 'example.com', 'Docs at for details'],
  ])('%s − %s → %s', (text, remove, expected) => {
    expect(fix(text, remove, 'link')).toBe(expected);
  });

  it('HTML stays balanced: an <a> keeps its words, an <img> goes whole, an emptied <p> goes', () => {
    expect(
      fix(
        '请查看 <a href="https://www.lnmpkit.cn/docs/">LNMPKit 完整使用文档</a>。</p>',
        'https://www.lnmpkit.cn/docs/',
        'link',
      ),
    ).toBe('请查看 LNMPKit 完整使用文档。</p>');
    expect(
      fix(
        '<p><img src="https://static.x.com/b.png" alt="移动审批"/></p>\n<p>简协 OA</p>',
        'https://static.x.com/b.png',
        'link',
      ),
    ).toBe('<p>简协 OA</p>');
    // The anchor shows the link itself: href and text each remove the whole element and clause.
    const both = '<p>A。详情见 <a href="http://x.cn">http://x.cn</a>。</p>';
    expect(fix(both, 'http://x.cn', 'link')).toBe('<p>A。</p>');
    expect(fix(both, 'http://x.cn', 'link', 'http://x.cn', '">')).toBe('<p>A。</p>');
    // Any other tag loses only the attribute.
    expect(fix('<div data-src="http://x.cn" class="a">文字</div>', 'http://x.cn', 'link')).toBe(
      '<div class="a">文字</div>',
    );
  });
});

describe('combineEdits', () => {
  it('merges removals that share a separator and tidies them as one', () => {
    const text = '国内唯一、全网最低价，欢迎选购。';
    const a = wellFormedEdits(text, { start: 2, end: 4, text: '' }, { kind: 'term', term: '唯一', fold });
    const b = wellFormedEdits(
      text,
      { start: 5, end: 10, text: '' },
      { kind: 'term', term: '全网最低价', fold },
    );
    expect(applySpanEdits(text, combineEdits(text, [...a, ...b])!)).toBe('欢迎选购。');
  });
  it('a merged removal drops the 的 its last item left (through the engine and fix all)', () => {
    const listing = {
      ...corpus[0]!.listing,
      description: '<p>国内唯一、全网最低价的数据库服务，欢迎选购。</p>',
    };
    const fixable = model
      .fixableOfRule(checkListing(listing), 'superlative')
      .filter((f) => f.field === 'description');
    expect(fixable.map((f) => applyEdits(listing, f.fix!.edits).description)).toEqual([
      '<p>全网最低价的数据库服务，欢迎选购。</p>',
      '<p>国内唯一的数据库服务，欢迎选购。</p>',
    ]);
    expect(model.applyFixes(listing, fixable).listing.description).toBe('<p>数据库服务，欢迎选购。</p>');
  });
  it('refuses a replacement overlapping another edit, keeps identical ones once', () => {
    expect(
      combineEdits('abcdef', [
        { start: 0, end: 3, text: 'x' },
        { start: 2, end: 4, text: '' },
      ]),
    ).toBeNull();
    expect(
      combineEdits('abcdef', [
        { start: 1, end: 2, text: '' },
        { start: 1, end: 2, text: '' },
      ]),
    ).toEqual([{ start: 1, end: 2, text: '' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every fix of the dev corpus

const corpusDir = path.resolve(import.meta.dirname, '../../../../shared/corpus/listings-dev');
const corpus: { file: string; listing: Listing }[] = fs.existsSync(corpusDir)
  ? fs
      .readdirSync(corpusDir)
      .filter((f) => /^L.*\.json$/.test(f))
      .flatMap((file) => {
        const json = JSON.parse(fs.readFileSync(path.join(corpusDir, file), 'utf8'));
        return ((json.listings ?? [json]) as Listing[]).map((listing) => ({ file, listing }));
      })
  : [];

/** Counts of what a person would not write; a fix may not add any. */
function flaws(text: string): Record<string, number> {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return {
    doubledPunctuation: count(/[、，,；;：:。！？][ \t\u3000]*[、，,；;。！？]/g),
    leadingPunctuation: count(/(?:^|\n|<(?:p|li|h\d|div|td)[^>]*>|[（(【「])[ \t\u3000]*[、，；。！？,;]/g),
    trailingSeparator: count(/[、，；,;][ \t\u3000]*(?:$|\n|<\/(?:p|li|h\d|div|td)>|[）)】」])/g),
    emptyBrackets: count(/[（(【「][ \t\u3000]*[）)】」]/g),
    emptyTags: count(/<([a-z][a-z0-9]*)\b[^>]*>\s*<\/\1>/gi),
    doubledSpaces: count(/ {2,}/g),
    edgeSpaces: count(/(?:^|\n)[ \t]+\S|\S[ \t]+(?:$|\n)/g),
    danglingDe: count(/(?:^|[、，。；！？\n>])的/g),
    danglingCopula: count(/是[。，；！？]/g),
    pointerLeft: count(/(?:详情见|详见|请访问|请前往|请查看)[ \t]*(?:[。，；]|$)/g),
    blankLines: count(/\n[ \t]*\n[ \t]*\n/g),
  };
}

/** Open minus closed tags per (non-void) name: a fix must keep it. */
function balance(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*?(\/?)>/gi)) {
    const name = m[2]!.toLowerCase();
    if (m[3] || ['img', 'br', 'hr', 'source', 'input', 'meta', 'link'].includes(name)) continue;
    out[name] = (out[name] ?? 0) + (m[1] ? -1 : 1);
    if (out[name] === 0) delete out[name];
  }
  return out;
}

function expectNoNewFlaws(before: string, after: string, where: string) {
  expect(balance(after), `${where}: tags unbalanced`).toEqual(balance(before));
  const a = flaws(before);
  const b = flaws(after);
  for (const k of Object.keys(a)) {
    expect(b[k]!, `${where}: ${k} in ${JSON.stringify(after)}`).toBeLessThanOrEqual(a[k]!);
  }
}

const sameFinding = (a: Finding, b: Finding) =>
  a.ruleId === b.ruleId && a.field === b.field && a.match === b.match;

describe.skipIf(corpus.length === 0)('every fix of every dev-corpus listing', () => {
  it('reads right alone, and the check no longer reports what it fixed', () => {
    let fixes = 0;
    for (const { file, listing } of corpus) {
      const findings = checkListing(listing);
      for (const f of findings) {
        if (!f.fix || f.fix.edits.length === 0) continue;
        fixes++;
        const fixed = applyEdits(listing, f.fix.edits);
        for (const field of new Set(f.fix.edits.map((e) => e.field)))
          expectNoNewFlaws(
            getFieldText(listing, field) ?? '',
            getFieldText(fixed, field) ?? '',
            `${file} ${field}`,
          );
        const left = checkListing(fixed).filter((x) => sameFinding(x, f)).length;
        expect(left, `${file} ${f.ruleId} ${f.match ?? f.field} still reported`).toBeLessThan(
          findings.filter((x) => sameFinding(x, f)).length,
        );
      }
    }
    expect(fixes).toBeGreaterThan(40);
  });

  it('all at once (fix all of every kind): every fix applies, the text reads right, none is left', () => {
    for (const { file, listing } of corpus) {
      const fixable = checkListing(listing).filter((f) => f.fix && f.fix.edits.length > 0);
      if (fixable.length === 0) continue;
      const { listing: fixed, applied } = model.applyFixes(listing, fixable);
      expect(applied, file).toBe(fixable.length);
      for (const { field, text } of listTextFields(listing))
        expectNoNewFlaws(text, getFieldText(fixed, field) ?? '', `${file} ${field}`);
      const after = checkListing(fixed);
      for (const f of fixable)
        if (f.fix!.edits.every((e) => e.text === ''))
          expect(
            after.some((x) => sameFinding(x, f) && x.ruleId !== 'delisting-strategy-missing'),
            `${file} ${f.match}`,
          ).toBe(false);
    }
  });
});
