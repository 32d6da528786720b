/**
 * Where a finding is in the listing *file* (formats.md §2 text format `file:line:col`), so an
 * editor can jump to it: the field's JSON string value, plus the finding's offset inside it.
 * Finding offsets index the decoded string (UTF-16, as JavaScript indexes it); in the file an
 * escape such as \n, \" or \u4eac is several characters, so the literal is walked escape by
 * escape. Whole-field findings (and fields absent from the file) point at the value, or at the
 * nearest enclosing object that exists.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { fieldJsonPath } from './fields';
import type { Finding } from './types';

export interface SourcePosition {
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units */
  column: number;
}

/** Offset in the file of the decoded string index `index` of the string literal at `literalStart`. */
function offsetInLiteral(text: string, literalStart: number, literalEnd: number, index: number): number {
  let i = literalStart + 1; // after the opening quote
  for (let decoded = 0; decoded < index && i < literalEnd - 1; decoded++) {
    // Every JSON escape decodes to exactly one UTF-16 code unit (\uXXXX included).
    if (text.charCodeAt(i) === 0x5c) i += text.charCodeAt(i + 1) === 0x75 ? 6 : 2;
    else i += 1;
  }
  return i;
}

export interface SourceLocator {
  /** Position of a finding of the listing at `listingIndex` (the order parseListingFile returns). */
  locate(listingIndex: number, finding: Finding): SourcePosition;
}

export function createSourceLocator(fileText: string): SourceLocator {
  // parseJsonWithPosition ignores a UTF-8 BOM; so do editors' columns.
  const text = fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText;
  const root = parseTree(text, [], { disallowComments: true });
  const collection =
    root?.type === 'object' && root.children?.some((p) => p.children?.[0]?.value === 'listings') === true;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);

  const position = (offset: number): SourcePosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };

  return {
    locate(listingIndex, finding) {
      if (!root) return { line: 1, column: 1 };
      const base: (string | number)[] = collection ? ['listings', listingIndex] : [];
      const path = [...base, ...(fieldJsonPath(finding.field) ?? [])];
      // The deepest node of the path that exists in the file.
      let node: Node | undefined;
      for (let depth = path.length; depth >= base.length && !node; depth--) {
        node = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
      }
      if (!node) return { line: 1, column: 1 };
      const exact = node === findNodeAtLocation(root, path) || (path.length === 0 && node === root);
      if (exact && node.type === 'string' && finding.start !== undefined) {
        return position(offsetInLiteral(text, node.offset, node.offset + node.length, finding.start));
      }
      return position(node.offset);
    },
  };
}
