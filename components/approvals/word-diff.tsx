import { useMemo } from 'preact/hooks';
import { diffWords } from '@/lib/approvals/diff';
import { t } from '@/lib/i18n/in-page';

export interface WordDiffProps {
  /** The approved text. */
  before: string;
  /** The draft as it is now. */
  after: string;
}

/** Word-level diff of the draft against the approved text: removed words struck, added words marked. */
export function WordDiff({ before, after }: WordDiffProps) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <div class="sp-diff" data-sp="diff" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, index) =>
        part.kind === 'removed' ? (
          <del key={index} class="sp-diff-removed" data-sp="diff-removed" title={t('approvals.diff.removed')}>
            {part.text}
          </del>
        ) : part.kind === 'added' ? (
          <ins key={index} class="sp-diff-added" data-sp="diff-added" title={t('approvals.diff.added')}>
            {part.text}
          </ins>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  );
}
