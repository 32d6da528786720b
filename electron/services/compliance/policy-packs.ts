/**
 * Policy packs the user loads from a file (Settings → 策略包, issue 17 item 8): how a vendor
 * receives a pack published after the app was built — e.g. one carrying next year's official
 * holidays (calendar.officialYears) before an app update ships them. A file is validated with
 * policyPackSchema before anything is stored; a pack with a bundled id must be newer than the
 * bundled one and then supersedes it; removing the loaded pack brings the bundled one back.
 * The engines read the set through `current()` (kept in memory, rebuilt after each change).
 */
import {
  compareVersions,
  getPolicyPack,
  parsePolicyPackText,
  policyIds,
  policyPackSet,
  type PolicyPackSet,
} from '../../../shared/policy/packs';
import type { PolicyPack } from '../../../shared/policy/schema';
import { DEFAULT_POLICY_ID } from '../../../shared/policy/packs';
import type { PolicyPackInfo, Settings } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { Store } from '../db/database';
import { PolicyPacksRepository, type StoredPolicyPack } from '../repositories/policy-packs-repository';

/** How many problems an error message names (the details carry all of them). */
const NAMED_PROBLEMS = 5;

export interface PolicyPackImport {
  pack: PolicyPackInfo;
  supersedes: string | null;
  replaced: string | null;
  packs: PolicyPackInfo[];
}

export class PolicyPackService {
  private readonly repo: PolicyPacksRepository;
  private set: PolicyPackSet | null = null;
  /** Loaded packs that still validate, with their rows (a pack an older app stored may not). */
  private loaded: { stored: StoredPolicyPack; pack: PolicyPack }[] | null = null;

  constructor(private readonly deps: { store: Store; now: () => Date; log: (message: string) => void }) {
    this.repo = new PolicyPacksRepository(deps.store);
  }

  private loadedPacks(): { stored: StoredPolicyPack; pack: PolicyPack }[] {
    if (this.loaded) return this.loaded;
    this.loaded = [];
    for (const stored of this.repo.list()) {
      const parsed = parsePolicyPackText(stored.packJson);
      if (parsed.ok && parsed.value.id === stored.id) this.loaded.push({ stored, pack: parsed.value });
      else
        this.deps.log(
          `policy pack ${stored.id}@${stored.version} no longer validates and is not used: ${
            parsed.ok ? 'id differs' : `${parsed.problems[0]?.path} ${parsed.problems[0]?.message}`
          }`,
        );
    }
    return this.loaded;
  }

  /** The packs the engines run on now. */
  current(): PolicyPackSet {
    return (this.set ??= policyPackSet(this.loadedPacks().map((l) => l.pack)));
  }

  private changed(): void {
    this.set = null;
    this.loaded = null;
  }

  list(settings: Settings): PolicyPackInfo[] {
    const set = this.current();
    const enabled = new Set(settings.policyPacks ?? [DEFAULT_POLICY_ID]);
    const loaded = new Map(this.loadedPacks().map((l) => [l.pack.id, l]));
    const info = (pack: PolicyPack, stored: StoredPolicyPack | null): PolicyPackInfo => {
      const origin = stored ? 'file' : 'bundled';
      const inUse = set.origin(pack.id) === origin;
      const superseding = !stored && !inUse ? loaded.get(pack.id) : undefined;
      return {
        id: pack.id,
        version: pack.version,
        title: { 'zh-CN': pack.name['zh-CN'], en: pack.name.en },
        origin,
        inUse,
        supersededBy: superseding ? superseding.pack.version : null,
        enabled: inUse && enabled.has(pack.id),
        calendarYears: (pack.calendar?.officialYears ?? []).map((y) => y.year).sort((a, b) => a - b),
        fileName: stored?.fileName ?? null,
        addedAt: stored?.addedAt ?? null,
      };
    };
    return [
      ...policyIds.map((id) => info(getPolicyPack(id), null)),
      ...[...loaded.values()].map((l) => info(l.pack, l.stored)),
    ];
  }

  /** A pack file: validated, checked against the bundled and the loaded pack of its id, then stored. */
  importFile(name: string, text: string, settings: Settings): PolicyPackImport {
    const pack = this.read(name, text);
    const bundled = policyIds.includes(pack.id) ? getPolicyPack(pack.id) : null;
    if (bundled && compareVersions(pack.version, bundled.version) <= 0) {
      throw new AppError(
        'conflict',
        `策略包 ${pack.id} ${pack.version} 不比内置的 ${bundled.version} 新，未载入（只有更新的版本才能取代内置策略包） / ` +
          `policy pack ${pack.id} ${pack.version} is not newer than the bundled ${bundled.version}: not loaded (only a newer version supersedes a bundled pack)`,
        { path: 'version', version: pack.version, bundledVersion: bundled.version },
      );
    }
    const previous = this.repo.get(pack.id);
    if (previous) {
      const order = compareVersions(pack.version, previous.version);
      const same =
        order === 0 && JSON.stringify(JSON.parse(previous.packJson)) === JSON.stringify(JSON.parse(text));
      if (order < 0 || (order === 0 && !same)) {
        throw new AppError(
          'conflict',
          order < 0
            ? `已载入更新的 ${pack.id} ${previous.version}，未载入 ${pack.version} / a newer ${pack.id} ${previous.version} is loaded already: ${pack.version} was not loaded`
            : `已载入 ${pack.id} ${pack.version}，内容不同；请提高版本号 / a different ${pack.id} ${pack.version} is loaded already: give the new one a higher version`,
          { path: 'version', version: pack.version, loadedVersion: previous.version },
        );
      }
    }
    this.repo.put({
      id: pack.id,
      version: pack.version,
      packJson: text,
      fileName: name,
      addedAt: this.deps.now().toISOString(),
    });
    this.changed();
    const packs = this.list(settings);
    return {
      pack: packs.find((p) => p.origin === 'file' && p.id === pack.id)!,
      supersedes: bundled?.version ?? null,
      replaced: previous && previous.version !== pack.version ? previous.version : null,
      packs,
    };
  }

  /** Forgets a loaded pack; the bundled pack of its id (if any) is used again. */
  remove(id: string, settings: Settings): PolicyPackInfo[] {
    if (!this.repo.remove(id))
      throw new AppError('not-found', `没有载入的策略包 ${id} / no loaded policy pack ${id}`);
    this.changed();
    return this.list(settings);
  }

  private read(name: string, text: string): PolicyPack {
    const parsed = parsePolicyPackText(text);
    if (parsed.ok) return parsed.value;
    const [first] = parsed.problems;
    if (first?.kind === 'json') {
      const { line, column, message } = first;
      throw new AppError(
        'invalid-input',
        `策略包无效 / invalid policy pack ${name}: ${line ?? 1}:${column ?? 1} JSON 无法解析 / unreadable JSON: ${message}`,
        [{ path: '', message, line, column }],
      );
    }
    const problems = parsed.problems.map(({ path, message }) => ({ path, message }));
    const named = problems.slice(0, NAMED_PROBLEMS).map((p) => `${p.path || '(root)'}: ${p.message}`);
    const more = problems.length - named.length;
    throw new AppError(
      'invalid-input',
      `策略包无效，未载入 / invalid policy pack ${name}, not loaded: ${named.join('; ')}${
        more > 0 ? `; 另有 ${more} 处 / ${more} more` : ''
      }`,
      problems,
    );
  }
}
