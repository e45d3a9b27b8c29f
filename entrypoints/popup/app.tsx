import { useEffect } from 'preact/hooks';
import { PopupReplies, PopupRequests } from '@/components/popup/bigteam-section';
import { Popup } from '@/components/popup/popup';
import { language } from '@/lib/i18n';
import { describeLibraryStatus } from '@/lib/library/describe-status';
import type { PopupBigTeam } from '@/lib/popup/bigteam-model';
import type { PopupModel } from '@/lib/popup/popup-model';

/** Binds the popup model to the view: its signals become props, its actions callbacks. */
export function PopupApp({ model, bigTeam }: { model: PopupModel; bigTeam?: PopupBigTeam }) {
  useEffect(() => {
    let unwatch: (() => void) | undefined;
    let mounted = true;
    void model.open().then((stop) => {
      if (mounted) unwatch = stop;
      else stop();
    });
    return () => {
      mounted = false;
      unwatch?.();
    };
  }, [model]);
  useEffect(() => {
    void bigTeam?.open();
  }, [bigTeam]);
  const status = model.library.value;
  return (
    <Popup
      draft={model.draft.value}
      submissions={model.submissions.value}
      filter={model.filter.value}
      onFilter={(next) => {
        model.filter.value = next;
      }}
      libraryText={status ? describeLibraryStatus(status, language.value) : ''}
      syncing={model.syncing.value || (status?.syncing ?? false)}
      onSync={() => void model.sync()}
      copiedId={model.copiedId.value}
      onCopy={(submission) => void model.copy(submission.id, submission.text)}
      share={model.share.value}
      onShare={(submission) => void model.toggleShare(submission.id)}
      onCopyText={(text) => void model.copy('share', text)}
      error={model.error.value}
      onOpenOptions={model.openOptions}
      bigTeam={
        bigTeam ? (
          <>
            <PopupRequests
              requests={bigTeam.requests.value}
              links={bigTeam.links.value}
              errors={bigTeam.markErrors.value}
              onLink={bigTeam.setLink}
              onMarkDone={(id) => void bigTeam.markDone(id)}
            />
            <PopupReplies
              replies={bigTeam.replies.value}
              commitmentDue={bigTeam.commitmentDue.value}
              onOpenOptions={model.openOptions}
            />
          </>
        ) : null
      }
    />
  );
}
