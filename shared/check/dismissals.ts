/**
 * Dismissing a finding (issue 15): a person judged that a finding does not apply to this listing
 * ("「唯一」here names a unique index"). The dismissal is remembered per listing and comes back
 * as soon as the matched text changes. Its identity is therefore what was matched, not where: the
 * rule, the field, the matched text, the clause around it (so an unrelated edit elsewhere in the
 * field keeps it dismissed, but rewriting the sentence brings it back) and which occurrence of
 * that clause it is. A whole-field finding (a missing or thin delisting strategy) is identified
 * by the whole field's text. Pure: storage lives in electron/services.
 */
import { getFieldText } from './fields';
import type { Listing } from '../listing/schema';
import type { Finding } from './types';

export interface Dismissal {
  fingerprint: string;
  ruleId: string;
  field: string;
  match: string | null;
  reason: string;
  dismissedBy: string;
  /** ISO 8601. */
  dismissedAt: string;
}

export type DismissedFinding = Finding & {
  dismissed?: Pick<Dismissal, 'fingerprint' | 'reason' | 'dismissedBy' | 'dismissedAt'>;
};

const CLAUSE_END = /[。；;！!？?\n]/;

/** The clause of `text` around [start, end): from the previous to the next sentence mark. */
function clauseAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !CLAUSE_END.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !CLAUSE_END.test(text[e]!)) e++;
  return text.slice(s, e);
}

/** FNV-1a over UTF-16 code units, as 8 hex digits: a short, stable, dependency-free digest. */
function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function findingFingerprint(listing: Listing, finding: Finding): string {
  const text = getFieldText(listing, finding.field) ?? '';
  if (finding.start === undefined || finding.end === undefined) {
    return `${finding.ruleId}|${finding.field}|whole|${fnv(text)}`;
  }
  const clause = clauseAround(text, finding.start, finding.end);
  // Which occurrence of the same clause this is (the same sentence can appear twice).
  let occurrence = 0;
  for (
    let at = text.indexOf(clause);
    at >= 0 && at + clause.length <= finding.start;
    at = text.indexOf(clause, at + 1)
  )
    occurrence++;
  return `${finding.ruleId}|${finding.field}|${finding.match ?? ''}|${fnv(clause)}|${occurrence}`;
}

/** Marks the findings a stored dismissal still applies to; the others are returned unchanged. */
export function applyDismissals(
  listing: Listing,
  findings: readonly Finding[],
  dismissals: readonly Dismissal[],
): DismissedFinding[] {
  if (dismissals.length === 0) return [...findings];
  const byPrint = new Map(dismissals.map((d) => [d.fingerprint, d]));
  return findings.map((f) => {
    const d = byPrint.get(findingFingerprint(listing, f));
    return d
      ? {
          ...f,
          dismissed: {
            fingerprint: d.fingerprint,
            reason: d.reason,
            dismissedBy: d.dismissedBy,
            dismissedAt: d.dismissedAt,
          },
        }
      : f;
  });
}

/** Whether a finding still counts (blocks submission, adds to the exposure). */
export const counts = (f: DismissedFinding): boolean => f.dismissed === undefined;
