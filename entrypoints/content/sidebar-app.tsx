import { ApprovalBadge } from '@/components/approvals/approval-badge';
import { SubmitResult } from '@/components/approvals/submit-result';
import { BigTeamList } from '@/components/sidebar/bigteam-panels';
import { Sidebar } from '@/components/sidebar/sidebar';
import { t } from '@/lib/i18n/in-page';
import type { PlatformId } from '@/lib/platforms/types';
import { healthReport } from '@/lib/sidebar/health-report';
import type { SidebarModel } from '@/lib/sidebar/sidebar-model';

export interface SidebarAppProps {
  platform: PlatformId;
  model: SidebarModel;
  /** What the copyable report says besides the model (page, extension version, browser). */
  reportContext?: { location?: Location; extensionVersion?: string; userAgent?: string };
  openOptions?: () => void;
}

/** The sidebar bound to its model: reads the signals (so it re-renders on change) into props. */
export function SidebarApp({ platform, model: m, reportContext, openOptions }: SidebarAppProps) {
  const { verdict, score } = m.summary.value;
  const draftText = m.approvalDraft.value?.text;
  const submitResult = m.submitResult.value;
  return (
    <Sidebar
      state={{
        platform,
        collapsed: m.collapsed.value,
        // A reply box is not a second post field: Facebook's and Instagram's lists stay unlabelled.
        multiField: m.fields.filter((field) => field.id !== 'reply').length > 1,
        hasText: m.hasText.value,
        verdict,
        score,
        checks: m.checks.value,
        recognised: m.recognised.value,
        diagnostics: m.diagnostics.value,
        healthReport: healthReport({
          platform,
          recognised: m.recognised.value,
          summary: m.diagnostics.value,
          location: reportContext?.location,
          extensionVersion: reportContext?.extensionVersion,
          userAgent: reportContext?.userAgent,
        }),
        agency: m.agency.value,
        notice: m.notice.value,
        groups: m.groups.value,
        ignoredCount: m.ignoredCount.value,
        counters: m.counters.value,
        busy: m.busy.value,
        submitting: m.submitting.value,
        query: m.query.value,
        captions: m.captionList.value,
        hashtagSets: m.hashtagSetList.value,
        libraryReady: m.libraryReady.value,
        replying: m.replying.value,
      }}
      actions={{
        toggle: m.toggleCollapsed,
        copy: (text) => void m.copy(text),
        dismissNotice: m.dismissNotice,
        needsReason: m.ignoreNeedsReason,
        selectFinding: m.selectFinding,
        fixFinding: (item) => void m.fixFinding(item),
        ignoreFinding: m.ignoreFinding,
        submit: () => void m.submit(),
        setQuery: (query) => {
          m.query.value = query;
        },
        setPlaceholder: m.setAdminInput,
        insertCaption: (id) => void m.insertCaption(id),
        insertHashtagSet: (id) => void m.insertHashtagSet(id),
        openOptions,
      }}
      requests={
        m.requests.value.length > 0 ? (
          <BigTeamList
            title={t('bigteam.sidebar.requests')}
            items={m.requests.value.map((request) => ({
              id: request.id,
              title: request.title,
              text: request.text,
              attrs: { 'data-sp': 'request', 'data-request-id': request.id, 'data-status': request.status },
              badge: t(`bigteam.sidebar.status.${request.status}`),
              inputs: [],
              values: {},
              blocked: false,
              insertable: m.recognised.value && request.status !== 'expired',
            }))}
            busy={m.busy.value}
            insertLabel={(title) => t('sidebar.library.insertCaption', { title })}
            onInsert={(id) => void m.insertRequest(id)}
            onInput={() => undefined}
            onCopy={(text) => void m.copy(text)}
          />
        ) : null
      }
      replies={
        <BigTeamList
          title={t('bigteam.sidebar.replies')}
          hint={t('bigteam.sidebar.replies.hint')}
          items={m.replyList.value.map(({ template, text, missing, inputs, values }) => ({
            id: template.id,
            title: template.title,
            text,
            attrs: {
              'data-sp': 'reply-template',
              'data-template-id': template.id,
              'data-situation': template.situation,
            },
            inputs,
            values,
            blocked: missing.length > 0,
            note: missing.some((name) => name.startsWith('ppid_'))
              ? t('bigteam.sidebar.replies.noPpid')
              : template.source,
            insertable: m.recognised.value,
          }))}
          busy={m.busy.value}
          insertLabel={(title) => t('bigteam.sidebar.insertReply', { title })}
          onInsert={(id) => void m.insertReply(id)}
          onInput={m.setReplyInput}
          onCopy={(text) => void m.copy(text)}
        />
      }
      approval={
        <>
          <ApprovalBadge
            approval={m.approval.value ?? { status: 'not-submitted' }}
            draftText={draftText}
            onRestore={(text) => void m.restoreText(text)}
          />
          {submitResult ? <SubmitResult result={submitResult} onCopy={(text) => void m.copy(text)} /> : null}
        </>
      }
    />
  );
}
