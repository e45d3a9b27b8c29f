/** One piece of a word-level diff: kept, only in the approved text (removed), or only in the draft (added). */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words and the whitespace after them, so joining the tokens gives the text back exactly. */
export function tokenizeWords(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Above this many LCS cells the diff falls back to "all removed / all added" (a 100,000-char draft). */
const MAX_CELLS = 2_000_000;

/**
 * Word-level diff of the approved text (`before`) against the draft (`after`): the longest common
 * subsequence of words (comparing words without their trailing whitespace), after trimming the
 * common prefix and suffix so typical one-word edits cost almost nothing. Adjacent parts of the
 * same kind are merged. Pure, no DOM.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenizeWords(before);
  const b = tokenizeWords(after);
  const key = (token: string) => token.trim();
  let start = 0;
  while (start < a.length && start < b.length && key(a[start]!) === key(b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && key(a[endA - 1]!) === key(b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (text) parts.push({ kind, text });
  };
  for (let i = 0; i < start; i++) push('same', b[i]!);

  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    for (const token of midA) push('removed', token);
    for (const token of midB) push('added', token);
  } else {
    // Words as small integers, so the n×m loop compares numbers, not strings.
    const ids = new Map<string, number>();
    const idOf = (token: string) => {
      const word = key(token);
      let id = ids.get(word);
      if (id === undefined) {
        id = ids.size;
        ids.set(word, id);
      }
      return id;
    };
    const wa = Int32Array.from(midA, idOf);
    const wb = Int32Array.from(midB, idOf);
    // lengths[i * (m + 1) + j] = LCS of midA[i..] and midB[j..], one flat array.
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      const row = i * width;
      const below = row + width;
      for (let j = m - 1; j >= 0; j--) {
        lengths[row + j] =
          wa[i] === wb[j]
            ? lengths[below + j + 1]! + 1
            : Math.max(lengths[below + j]!, lengths[row + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (wa[i] === wb[j]) {
        push('same', midB[j]!);
        i++;
        j++;
      } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
        push('removed', midA[i++]!);
      } else {
        push('added', midB[j++]!);
      }
    }
    while (i < n) push('removed', midA[i++]!);
    while (j < m) push('added', midB[j++]!);
  }
  for (let i = endB; i < b.length; i++) push('same', b[i]!);
  return parts;
}
