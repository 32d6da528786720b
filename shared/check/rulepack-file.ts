/**
 * A rule pack as a file's text (the CLI's --rulepack, the app's "load a rule pack"): parsed,
 * validated and compiled before anything uses it. Problems name where: a line and column for
 * broken JSON, the JSON path for a schema problem, the term or pattern that does not compile.
 */
import { parseJsonWithPosition } from '../json/parse';
import { compileRulePack, parseRulePack, RulePackError, type CompiledRulePack } from './rulepack';

export interface RulePackProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export type RulePackFileResult =
  { ok: true; compiled: CompiledRulePack } | { ok: false; problems: RulePackProblem[] };

export function readRulePack(text: string): RulePackFileResult {
  const json = parseJsonWithPosition(text);
  if (!json.ok) return { ok: false, problems: [{ path: '', ...json.problem }] };
  return compileRulePackValue(json.value);
}

/** The same for a value already parsed (a pack the marketplace sent, a stored pack). */
export function compileRulePackValue(value: unknown): RulePackFileResult {
  try {
    return { ok: true, compiled: compileRulePack(parseRulePack(value)) };
  } catch (error) {
    if (error instanceof RulePackError) return { ok: false, problems: error.problems };
    return {
      ok: false,
      problems: [{ path: '', message: error instanceof Error ? error.message : String(error) }],
    };
  }
}

/** "<id>@<version>", the key stored with every check run (listings.check_pack). */
export const packKeyOf = (pack: { id: string; version: string }): string => `${pack.id}@${pack.version}`;
