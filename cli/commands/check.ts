/**
 * `vendordesk check <file|dir|->… [--format json|text] [--pack file] [--allow-domain d]…`
 * Self-checks listing files (formats.md §1) and prints findings (formats.md §2).
 * Exit 0: no blocker; 1: at least one blocker; 2: some input could not be read (every other file
 * is still checked and reported, and 2 wins over 1).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkListing, defaultCompiledPack } from '../../shared/check/engine';
import type { CompiledRulePack } from '../../shared/check/rulepack';
import { readRulePack } from '../../shared/check/rulepack-file';
import { createSourceLocator } from '../../shared/check/source-position';
import type { Finding, Severity } from '../../shared/check/types';
import { parseListingFile, type ListingFileProblem } from '../../shared/listing/parse';
import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, type CliIO, type Command } from '../io';
import { formatFindingLine, formatSummary } from './check-format';

const USAGE = `usage: vendordesk check <file|directory|->... [--format text|json] [--rulepack rulepack.json] [--allow-domain domain]...

商品自检：按云市场规则检查商品文件（单个商品，或 {"listings": [...]}）。
Checks listing files (one listing, or {"listings": [...]}) against the marketplace rules (formats.md §1–2).
目录会递归查找 *.json；"-" 表示从标准输入读取。
Directories are searched recursively for *.json; "-" reads standard input.

选项 / options:
  --format text|json     text（默认）：每条问题一行 \`文件:行:列  严重程度  规则  说明\`，行列为在文件中的位置
                         json：{ "results": [ { "source", "listingId", "findings": [ … ] } ] }
                         text (default): one line per finding, \`file:line:col  severity  rule  message\`,
                         the position in the file; json: the formats.md §2 shape
  --rulepack <file>      使用另一个规则包（使用前校验，无效时指出 JSON 路径与问题）
                         use another rule pack (JSON), validated first; an invalid pack is
                         refused with the JSON path and the problem (--pack is the same)
  --allow-domain <d>     视同京东云的域名，可重复 / a domain to treat like JD Cloud's own (repeatable)
  -h, --help             显示本帮助 / this help

退出码 / exit status:
  0  无阻断问题 / no blocker
  1  至少一个阻断问题 / at least one blocker
  2  输入无法读取或无效（stderr 指出文件、位置或字段及问题；其他文件照常检查）
     unreadable or invalid input (stderr names the file, the position or field and the problem;
     the other files are still checked)
`;

interface Source {
  /** As shown in the output: the argument, or the path found under a directory argument. */
  name: string;
  read: () => Promise<string>;
}

async function expand(arg: string, io: CliIO): Promise<Source[] | { error: string }> {
  if (arg === '-') return [{ name: '-', read: () => io.readStdin() }];
  const full = resolve(io.cwd, arg);
  let info;
  try {
    info = await stat(full);
  } catch (error) {
    return {
      error: `${arg}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String(error)}`,
    };
  }
  if (!info.isDirectory()) return [{ name: arg, read: () => readFile(full, 'utf8') }];
  const entries = await readdir(full, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((p) => ({ name: join(arg, relative(full, p)), read: () => readFile(p, 'utf8') }));
}

function describeProblem(source: string, p: ListingFileProblem): string {
  const where =
    p.kind === 'json' ? `${source}:${p.line ?? 1}:${p.column ?? 1}` : `${source}: ${p.path || '(listing)'}`;
  return `${where}: ${p.kind === 'json' ? 'unreadable JSON' : 'invalid listing'}: ${p.message}\n`;
}

async function loadPack(path: string, io: CliIO): Promise<CompiledRulePack | string> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    return `${path}: cannot read rule pack: ${String(error)}`;
  }
  const read = readRulePack(text);
  if (read.ok) return read.compiled;
  const [first] = read.problems;
  if (first && first.line !== undefined)
    return `${path}:${first.line}:${first.column ?? 1}: ${first.message}`;
  return `${path}: invalid rule pack:\n${read.problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`;
}

export const run: Command = async (argv, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        pack: { type: 'string' },
        rulepack: { type: 'string' },
        'allow-domain': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr.write(
      `vendordesk check: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`,
    );
    return EXIT_INPUT;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json') {
    io.stderr.write(`vendordesk check: --format must be "text" or "json", not "${format}"\n`);
    return EXIT_INPUT;
  }
  if (positionals.length === 0) {
    io.stderr.write(`vendordesk check: no files given\n\n${USAGE}`);
    return EXIT_INPUT;
  }
  let compiled = defaultCompiledPack();
  if (values.pack && values.rulepack && values.pack !== values.rulepack) {
    io.stderr.write('vendordesk check: --pack and --rulepack name different files; give one\n');
    return EXIT_INPUT;
  }
  const packPath = values.rulepack ?? values.pack;
  if (packPath) {
    const loaded = await loadPack(packPath, io);
    if (typeof loaded === 'string') {
      io.stderr.write(`vendordesk check: ${loaded}\n`);
      return EXIT_INPUT;
    }
    compiled = loaded;
  }
  const context = { allowedDomains: values['allow-domain'] ?? [] };

  let inputError = false;
  let blocker = false;
  const colour = io.stdout.isTTY === true && !io.env.NO_COLOR;
  const counts: Record<Severity, number> = { blocker: 0, warning: 0, info: 0 };
  const results: { source: string; listingId: string | null; findings: Finding[] }[] = [];
  let files = 0;
  for (const arg of positionals) {
    const sources = await expand(arg, io);
    if ('error' in sources) {
      io.stderr.write(`vendordesk check: ${sources.error}\n`);
      inputError = true;
      continue;
    }
    for (const source of sources) {
      files++;
      let text: string;
      try {
        text = await source.read();
      } catch (error) {
        io.stderr.write(`${source.name}: cannot read: ${String(error)}\n`);
        inputError = true;
        continue;
      }
      const file = parseListingFile(text);
      if (!file.ok) {
        for (const p of file.problems) io.stderr.write(describeProblem(source.name, p));
        inputError = true;
        continue;
      }
      const locator = format === 'text' ? createSourceLocator(text) : undefined;
      file.listings.forEach((listing, index) => {
        const findings = checkListing(listing, compiled, context);
        results.push({ source: source.name, listingId: listing.id ?? null, findings });
        for (const f of findings) {
          counts[f.severity]++;
          if (f.severity === 'blocker') blocker = true;
          if (locator)
            io.stdout.write(formatFindingLine(source.name, locator.locate(index, f), listing, f, colour));
        }
      });
    }
  }
  if (format === 'json') io.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
  else io.stdout.write(formatSummary(counts, results.length, files));
  return inputError ? EXIT_INPUT : blocker ? EXIT_FINDINGS : EXIT_OK;
};
