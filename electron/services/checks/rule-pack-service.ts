/**
 * The rule-pack lifecycle (issue 15): which pack checks listings, loading new ones (a file now,
 * the marketplace's `rulePacks` resource through `addFromMarketplace`), activating one with a
 * re-check of every listing and the diff it caused, and going back to the previous pack.
 * A pack is validated and compiled before it is stored; a stored pack that no longer validates
 * (an older app wrote it) is skipped with a log line and the bundled pack checks instead.
 * Listing the packs reads their metadata only (validated once per key, since a key's text never
 * changes); only a pack that checks listings is compiled, once per key.
 */
import { defaultCompiledPack } from '../../../shared/check/engine';
import {
  parseRulePack,
  RulePackError,
  type CompiledRulePack,
  type RulePack,
} from '../../../shared/check/rulepack';
import { compileRulePackValue, packKeyOf, readRulePack } from '../../../shared/check/rulepack-file';
import { ruleIds } from '../../../shared/check/types';
import type { CallContext } from '../../../shared/ipc/dispatch';
import type { RulePackDiff, RulePackInfo } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { Store } from '../db/database';
import type { ListingsRepository } from '../repositories/listings-repository';
import { RulePacksRepository } from '../repositories/rule-packs-repository';
import type { ListingChecker } from './listing-checker';

/** How many newly blocked / newly clear listings a diff names (the counts are always whole). */
const DIFF_NAMES = 200;

interface ListingState {
  localId: string;
  title: string;
  blocked: boolean;
  ruleMask: number;
}

export class RulePackService {
  private readonly repo: RulePacksRepository;
  private readonly bundled = defaultCompiledPack();
  private readonly compiledByKey = new Map<string, CompiledRulePack>();
  /** A stored pack's validated content, or null when it no longer validates, per key. */
  private readonly validatedByKey = new Map<string, RulePack | null>();

  constructor(
    private readonly deps: {
      store: Store;
      checker: ListingChecker;
      listings: ListingsRepository;
      now: () => Date;
      log: (message: string) => void;
    },
  ) {
    this.repo = new RulePacksRepository(deps.store);
    const [active] = this.repo.activations(1);
    deps.checker.usePack((active && this.compiledOf(active)) || this.bundled);
  }

  private get bundledKey(): string {
    return packKeyOf(this.bundled.pack);
  }

  /** A stored pack's content if it still validates (not compiled), null otherwise. */
  private validated(key: string, packJson: string): RulePack | null {
    if (this.validatedByKey.has(key)) return this.validatedByKey.get(key)!;
    let pack: RulePack | null = null;
    try {
      pack = parseRulePack(JSON.parse(packJson));
    } catch (error) {
      const why = error instanceof RulePackError ? error.problems[0]?.message : String(error);
      this.deps.log(`rule pack ${key} no longer validates, the bundled pack is used: ${why}`);
    }
    this.validatedByKey.set(key, pack);
    return pack;
  }

  /** Whether `key` names a pack that can check listings (the bundled one, or a stored one that validates). */
  private usable(key: string): boolean {
    if (key === this.bundledKey || this.compiledByKey.has(key)) return true;
    const stored = this.repo.get(key);
    return stored !== undefined && this.validated(key, stored.packJson) !== null;
  }

  /** The compiled pack of a key: the bundled one, or a stored one that still compiles. */
  private compiledOf(key: string): CompiledRulePack | null {
    if (key === this.bundledKey) return this.bundled;
    const cached = this.compiledByKey.get(key);
    if (cached) return cached;
    const stored = this.repo.get(key);
    if (!stored || !this.validated(key, stored.packJson)) return null;
    const read = compileRulePackValue(JSON.parse(stored.packJson));
    if (!read.ok) {
      this.deps.log(
        `rule pack ${key} no longer compiles, the bundled pack is used: ${read.problems[0]?.message}`,
      );
      return null;
    }
    this.compiledByKey.set(key, read.compiled);
    return read.compiled;
  }

  /** The key "go back" returns to: the pack active before this one (the bundled pack at first). */
  private previousKey(): string | null {
    const [current, before] = this.repo.activations(2);
    if (before) return this.usable(before) ? before : null;
    return current && current !== this.bundledKey ? this.bundledKey : null;
  }

  list(): { packs: RulePackInfo[]; lastDiff: RulePackDiff | null } {
    const activeKey = this.deps.checker.packKey;
    const previous = this.previousKey();
    const info = (
      pack: RulePack,
      source: RulePackInfo['source'],
      sourceName: string | null,
      addedAt: string | null,
    ): RulePackInfo => {
      const key = packKeyOf(pack);
      return {
        key,
        id: pack.id,
        version: pack.version,
        title: pack.title,
        source,
        sourceName,
        addedAt,
        active: key === activeKey,
        previous: key === previous,
        changelog: pack.changelog ?? [],
      };
    };
    const packs = [info(this.bundled.pack, 'bundled', null, null)];
    for (const stored of this.repo.list()) {
      const pack = this.compiledByKey.get(stored.key)?.pack ?? this.validated(stored.key, stored.packJson);
      if (pack) packs.push(info(pack, stored.source, stored.sourceName, stored.addedAt));
    }
    return { packs, lastDiff: this.repo.lastDiff() };
  }

  /** A pack file: validated and compiled, then stored (not active until activated). */
  importFile(name: string, text: string): RulePackInfo {
    const read = readRulePack(text);
    if (!read.ok)
      throw new AppError(
        'invalid-input',
        `规则包无效 / invalid rule pack ${name}: ${read.problems
          .slice(0, 5)
          .map(
            (p) => `${p.line !== undefined ? `${p.line}:${p.column ?? 1}` : p.path || '(root)'} ${p.message}`,
          )
          .join('; ')}`,
        read.problems.map((p) => ({ path: p.path, message: p.message })),
      );
    return this.add(read.compiled, 'file', name, text);
  }

  /** A pack the marketplace published (the sync engine's `rulePacks` resource). */
  addFromMarketplace(value: unknown, remoteId: string): RulePackInfo {
    const read = compileRulePackValue(value);
    if (!read.ok)
      throw new AppError(
        'invalid-input',
        `市场规则包无效 / the marketplace's rule pack ${remoteId} is invalid: ${read.problems[0]?.path} ${read.problems[0]?.message}`,
      );
    return this.add(read.compiled, 'marketplace', remoteId, JSON.stringify(value));
  }

  private add(compiled: CompiledRulePack, source: 'file' | 'marketplace', sourceName: string, text: string) {
    const key = packKeyOf(compiled.pack);
    const stored = key === this.bundledKey ? undefined : this.repo.get(key);
    const known =
      key === this.bundledKey ? this.bundled.pack : stored && this.validated(key, stored.packJson);
    if (known) {
      // Loaded again: nothing to do. Same id and version but other rules: two packs would claim
      // the same stored check runs, so the new one needs its own version.
      if (JSON.stringify(known) === JSON.stringify(compiled.pack)) return this.infoOf(key);
      throw new AppError(
        'conflict',
        `已有规则包 ${key}，内容不同；请提高版本号 / a different pack ${key} is loaded already: give the new one a higher version`,
      );
    }
    this.repo.add({ key, packJson: text, source, sourceName, addedAt: this.deps.now().toISOString() });
    this.validatedByKey.set(key, compiled.pack);
    this.compiledByKey.set(key, compiled);
    return this.infoOf(key);
  }

  private infoOf(key: string): RulePackInfo {
    return this.list().packs.find((p) => p.key === key)!;
  }

  active(): { key: string; pack: RulePack } {
    return { key: this.deps.checker.packKey, pack: this.deps.checker.compiled.pack };
  }

  revert(call: CallContext): Promise<RulePackDiff> {
    const previous = this.previousKey();
    if (!previous)
      throw new AppError(
        'not-found',
        '没有可返回的上一个规则包 / there is no previous rule pack to go back to',
      );
    return this.activate(previous, call);
  }

  /**
   * Makes `key` the active pack and re-checks every listing with it, reporting progress; the
   * answer (also kept for the Settings page) is what changed. Listings are first brought up to
   * date with the old pack, so the diff compares packs, not edits made since the last check.
   * Cancelled (`app.cancel`), the new pack stays active and the re-check stops after the batch
   * in hand: the answer says how many of how many listings were re-checked and compares those;
   * the rest are checked with the new pack when the listings are next read (`checks.page`).
   */
  async activate(key: string, call: CallContext): Promise<RulePackDiff> {
    const { checker, store } = this.deps;
    const next = this.compiledOf(key);
    if (!next) throw new AppError('not-found', `没有规则包 ${key} / no rule pack ${key}`);
    if (!store.writable)
      throw new AppError('read-only', store.state.message ?? 'The database is open read-only.');
    const from = checker.packKey;
    const load = (localId: string) => this.deps.listings.get(localId);
    await checker.checkStale(load);
    const before = this.states();
    checker.usePack(next);
    const seq = store.write(() => this.repo.recordActivation(key, this.deps.now().toISOString()));
    const { checked, total } = await checker.checkStale(load, {
      progress: call.progress,
      signal: call.signal,
    });
    const diff = diffOf(before, this.states(), {
      from,
      to: key,
      at: this.deps.now().toISOString(),
      listings: checked,
      total,
      cancelled: checked < total,
    });
    store.write(() => this.repo.setDiff(seq, diff));
    return diff;
  }

  private states(): Map<string, ListingState> {
    const rows = this.deps.store
      .sql('SELECT local_id, title, blockers, rule_mask FROM listings WHERE checked_at IS NOT NULL')
      .all() as { local_id: string; title: string; blockers: number | null; rule_mask: number | null }[];
    return new Map(
      rows.map((r) => [
        r.local_id,
        { localId: r.local_id, title: r.title, blocked: (r.blockers ?? 0) > 0, ruleMask: r.rule_mask ?? 0 },
      ]),
    );
  }
}

/** Listings newly blocked and newly clear, and per rule the listings it was found in, before and after. */
export function diffOf(
  before: Map<string, ListingState>,
  after: Map<string, ListingState>,
  head: { from: string; to: string; at: string; listings: number; total: number; cancelled: boolean },
): RulePackDiff {
  const newlyBlocked: ListingState[] = [];
  const newlyClear: ListingState[] = [];
  const perRule = ruleIds.map(() => ({ before: 0, after: 0 }));
  for (const state of before.values())
    ruleIds.forEach((_, i) => {
      if (state.ruleMask & (1 << i)) perRule[i]!.before++;
    });
  for (const state of after.values()) {
    ruleIds.forEach((_, i) => {
      if (state.ruleMask & (1 << i)) perRule[i]!.after++;
    });
    const was = before.get(state.localId);
    if (!was) continue;
    if (state.blocked && !was.blocked) newlyBlocked.push(state);
    if (!state.blocked && was.blocked) newlyClear.push(state);
  }
  const names = (list: ListingState[]) =>
    list
      .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
      .slice(0, DIFF_NAMES)
      .map(({ localId, title }) => ({ localId, title }));
  return {
    ...head,
    newlyBlockedCount: newlyBlocked.length,
    newlyClearCount: newlyClear.length,
    newlyBlocked: names(newlyBlocked),
    newlyClear: names(newlyClear),
    rules: ruleIds.map((ruleId, i) => ({ ruleId, ...perRule[i]! })).filter((r) => r.before !== r.after),
  };
}
