import { compileLibraryPattern } from './safe-regex';

/**
 * A library regex as a compiled rule keeps it, with the source and case sensitivity it comes from
 * (the prefilter reads them). With `lazy`, the RegExp is made the first time a check needs it: the
 * page compiles ~2,000 regexes of which a draft runs a few dozen (the prefilter rules out the rest),
 * and each RegExp keeps its rewritten source (safe-regex.ts, often several hundred characters: the
 * Unicode word class spelled out at every `\b`), ~1.5 MB of the page's heap in all. Compiling still
 * makes each regex once to refuse an unsafe or invalid one; that copy is dropped.
 */
export class LibraryRegex {
  private made: RegExp | undefined;

  constructor(
    readonly source: string,
    readonly caseSensitive: boolean,
    /** Flags beyond `gu` and the `i` of a case-insensitive pattern (`d` for a rule's `group`). */
    private readonly extraFlags: string,
    made?: RegExp,
  ) {
    this.made = made;
  }

  /** A regex the engine writes itself rather than a library pattern (repetition rules). */
  static of(re: RegExp): LibraryRegex {
    return new LibraryRegex(re.source, !re.ignoreCase, '', re);
  }

  get re(): RegExp {
    // Made as compile made it (the rewrite is a pure function of the source; compile-memo.ts only
    // remembers it), so a lazy regex is the same regex as an eager one.
    this.made ??= compileLibraryPattern(this.source, this.caseSensitive, this.extraFlags);
    return this.made;
  }
}
