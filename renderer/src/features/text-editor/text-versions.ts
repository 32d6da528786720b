/**
 * The texts an editor showed recently, each with the changes made since: a check result computed
 * for one of them (it arrives a few ms after the keystroke, for the text as it was then) is mapped
 * onto the current document through those changes, so marks sit on the text they belong to.
 */
import { ChangeSet, type ChangeDesc } from '@codemirror/state';

/** How many recent texts are remembered (a check is rarely more than a few keystrokes behind). */
export const VERSIONS_KEPT = 24;

interface Version {
  text: string;
  /** From this text to the current document. */
  changes: ChangeSet;
}

export class TextVersions {
  private versions: Version[] = [];

  constructor(text: string) {
    this.reset(text);
  }

  /** A new document with no relation to the previous ones (a new editing session). */
  reset(text: string): void {
    this.versions = [{ text, changes: ChangeSet.empty(text.length) }];
  }

  /** The document changed by `changes` and is now `text`. */
  push(changes: ChangeSet, text: string): void {
    for (const v of this.versions) v.changes = v.changes.compose(changes);
    this.versions.push({ text, changes: ChangeSet.empty(text.length) });
    if (this.versions.length > VERSIONS_KEPT) this.versions.splice(0, this.versions.length - VERSIONS_KEPT);
  }

  get current(): string {
    return this.versions[this.versions.length - 1]!.text;
  }

  /** The changes from `text` to the current document, or null when `text` is not a recent one. */
  since(text: string): ChangeDesc | null {
    for (let i = this.versions.length - 1; i >= 0; i--) {
      const v = this.versions[i]!;
      if (v.text === text) return v.changes.desc;
    }
    return null;
  }
}
