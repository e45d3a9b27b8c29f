/**
 * Which draft-classifier heads ship, decided on a table of leave-one-writer-out counts over the
 * newest writers (scripts/train-drafts.ts builds the table; this module only decides, so the rule is
 * tested on tables written by hand). Pure: no DOM, browser or Node API.
 *
 * A head is silent where the rules already report its category (drafts-findings.ts), so its "added"
 * findings are the drafts where the rules are silent on the category and the head fires.
 *
 * - `recall` (the default): the done-when is recall-first and heads only warn, so a head ships when it
 *   (a) adds at least `minGain` recall to the rules in its category, (b) its added findings keep
 *   precision ≥ `minAddedPrecision`, (c) it flags at most `maxClean` of the clean drafts, and (d) all
 *   shipped heads together warn on at most `maxCleanAll` of the clean drafts: while over, the head with
 *   the fewest added true positives per clean draft it flags is dropped.
 * - `balanced`: rules ∪ head beat the rules on recall without losing more precision than recall gained,
 *   the head flagging at most `maxClean` of the clean drafts.
 */

export type ShipRule = 'recall' | 'balanced';
export const SHIP_RULES: readonly ShipRule[] = ['recall', 'balanced'];

/** One head's counts over the drafts judged (the newest writers), each scored out of fold. */
export interface ShipRow {
  category: string;
  /** Drafts labelled with the category. */
  positives: number;
  /** What the rules report: true and false positives in the category. */
  rulesTp: number;
  rulesFp: number;
  /** The head's added findings (the rules silent, the head firing): true and false positives. */
  addedTp: number;
  addedFp: number;
  /** Indices of the clean drafts among the added findings (the union across heads is condition d). */
  cleanFlagged: readonly number[];
  /** False when the threshold chosen on every draft means the head would never fire. */
  speaks: boolean;
}

export interface ShipLimits {
  /** Clean drafts judged. */
  cleanTotal: number;
  /** Share of the clean drafts one head may flag (c). */
  maxClean: number;
  /** Recall a head must add to the rules (a). */
  minGain: number;
  /** Precision its added findings must keep (b). */
  minAddedPrecision: number;
  /** Share of the clean drafts all shipped heads together may warn on (d). */
  maxCleanAll: number;
}

export const DEFAULT_SHIP_LIMITS: Omit<ShipLimits, 'cleanTotal'> = {
  maxClean: 0.025,
  minGain: 0.02,
  minAddedPrecision: 0.4,
  maxCleanAll: 0.08,
};

/** A condition a head failed: a–d as above, `never` for a head whose threshold never fires. */
export type ShipFailure = 'a' | 'b' | 'c' | 'd' | 'never';

export interface ShipDecision {
  category: string;
  /** Recall of rules ∪ head minus recall of the rules. */
  gain: number;
  /** Precision of rules ∪ head minus precision of the rules (negative: precision lost). */
  precisionChange: number;
  /** Precision of the head's added findings (1 when it adds none). */
  addedPrecision: number;
  cleanFlagged: number;
  ship: boolean;
  failed: ShipFailure[];
}

export interface ShipResult {
  decisions: ShipDecision[];
  shipped: string[];
  /** Clean drafts at least one shipped head warns on, and their share of the clean drafts. */
  cleanWarned: number;
  cleanShare: number;
  /** Heads dropped by (d), in the order they were dropped. */
  dropped: string[];
}

const ratio = (a: number, b: number, empty: number): number => (b > 0 ? a / b : empty);

function measure(row: ShipRow) {
  const rulesRecall = ratio(row.rulesTp, row.positives, 1);
  const unionRecall = ratio(row.rulesTp + row.addedTp, row.positives, 1);
  const rulesPrecision = ratio(row.rulesTp, row.rulesTp + row.rulesFp, 1);
  const unionTp = row.rulesTp + row.addedTp;
  const unionPrecision = ratio(unionTp, unionTp + row.rulesFp + row.addedFp, 1);
  return {
    gain: unionRecall - rulesRecall,
    precisionChange: unionPrecision - rulesPrecision,
    addedPrecision: ratio(row.addedTp, row.addedTp + row.addedFp, 1),
  };
}

const union = (rows: readonly ShipRow[]): number => new Set(rows.flatMap((r) => r.cleanFlagged)).size;

/** Added true positives per clean draft flagged: the head (d) drops first has the fewest. */
const yieldOf = (row: ShipRow): number =>
  row.cleanFlagged.length === 0 ? Number.POSITIVE_INFINITY : row.addedTp / row.cleanFlagged.length;

export function decideShipping(rows: readonly ShipRow[], rule: ShipRule, limits: ShipLimits): ShipResult {
  const cleanCap = limits.maxClean * limits.cleanTotal;
  const decisions: ShipDecision[] = rows.map((row) => {
    const m = measure(row);
    const failed: ShipFailure[] = [];
    if (rule === 'recall') {
      if (!(m.gain >= limits.minGain - 1e-12)) failed.push('a');
      if (row.addedTp === 0 || m.addedPrecision < limits.minAddedPrecision) failed.push('b');
    } else if (!(m.gain > 0 && -m.precisionChange <= m.gain)) failed.push('a');
    if (row.cleanFlagged.length > cleanCap) failed.push('c');
    if (!row.speaks) failed.push('never');
    return {
      category: row.category,
      ...m,
      cleanFlagged: row.cleanFlagged.length,
      ship: failed.length === 0,
      failed,
    };
  });
  const dropped: string[] = [];
  let kept = rows.filter((_, k) => decisions[k]?.ship);
  if (rule === 'recall') {
    const cap = limits.maxCleanAll * limits.cleanTotal;
    while (kept.length > 0 && union(kept) > cap) {
      // Fewest added true positives per clean draft flagged; on a tie the head flagging more clean
      // drafts, then the later one in the table.
      let worst = kept[0] as ShipRow;
      for (const row of kept) {
        const a = yieldOf(row);
        const b = yieldOf(worst);
        if (a < b || (a === b && row.cleanFlagged.length >= worst.cleanFlagged.length)) worst = row;
      }
      kept = kept.filter((row) => row !== worst);
      dropped.push(worst.category);
      const decision = decisions[rows.indexOf(worst)] as ShipDecision;
      decision.ship = false;
      decision.failed.push('d');
    }
  }
  const cleanWarned = union(kept);
  return {
    decisions,
    shipped: kept.map((row) => row.category),
    cleanWarned,
    cleanShare: ratio(cleanWarned, limits.cleanTotal, 0),
    dropped,
  };
}
