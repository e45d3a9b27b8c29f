import { REPLY_PLACEHOLDERS } from '@/lib/bigteam/reply-placeholders';
import type { CompiledRules } from '@/lib/guidelines';
import { checkText, compileRules, type Finding, type RuleProblem, RuleSetError } from '@/lib/guidelines';
import { openWordAlternations } from '@/lib/guidelines/pattern-advice';
import { buildPrefilter } from '@/lib/guidelines/prefilter';
import { formatDayDate, type Language } from '@/lib/i18n';
import { type FieldId, PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import { fillPlaceholders, KNOWN_PLACEHOLDERS, PLACEHOLDERS, placeholderNames } from './placeholders';
import type { Agency, Caption, LibraryBundle } from './schema';

/**
 * `library lint`: the bundle's own guidelines run over every caption exactly as an admin would
 * insert it (placeholders filled with a sample agency, date and place), and every rule's examples
 * are run. Captions in a library are approved content, so any error finding fails the lint.
 */
export interface CaptionLint {
  /** A library caption, or an approved reply template (checked as a reply, docs/big-team.md). */
  kind?: 'caption' | 'reply';
  captionId: string;
  platform: PlatformId;
  field: FieldId;
  agencyId: string | null;
  /** The text that was checked (placeholders filled): findings' offsets point into it. */
  text: string;
  findings: Finding[];
}

export interface LintReport {
  ruleProblems: RuleProblem[];
  captions: CaptionLint[];
  /** Problems that are not findings: unknown placeholders, banned hashtags in use. */
  problems: string[];
  /** Advice on the rules themselves, e.g. a word alternation that also matches longer words. */
  advice: RuleProblem[];
  errors: number;
  warnings: number;
}

/** A fixed sample day keeps lint output stable from one run to the next. */
const SAMPLE_DATE = new Date(2026, 10, 26);
const SAMPLE_LOCATION = 'Pontianak';
const SAMPLE_CITIZEN = 'Budi';

/** The field a library caption goes into: YouTube templates are descriptions (first line = title). */
export function captionField(platform: PlatformId): FieldId {
  return platform === 'youtube' ? 'description' : 'caption';
}

function agenciesFor(caption: Caption, bundle: LibraryBundle): (Agency | null)[] {
  if (caption.agencies.length > 0) {
    return caption.agencies.map((id) => bundle.agencies.find((agency) => agency.id === id) ?? null);
  }
  // A caption for every agency is checked as the first agency of the directory would post it.
  return [bundle.agencies[0] ?? null];
}

function checkDate(caption: Caption, now: Date): Date {
  if (caption.validFrom && Date.parse(caption.validFrom) > now.getTime()) return new Date(caption.validFrom);
  return now;
}

export interface LintOptions {
  now?: Date;
  /** Language of the finding messages. */
  lang?: Language;
}

export function lintBundle(bundle: LibraryBundle, options: LintOptions = {}): LintReport {
  const now = options.now ?? new Date();
  const ruleProblems: RuleProblem[] = [];
  let compiled: CompiledRules | null = null;
  try {
    compiled = compileRules(bundle.guidelines, { checkExamples: true, prefilter: buildPrefilter });
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    ruleProblems.push(...error.problems);
    try {
      // Examples failing is a finding about the rules; the captions can still be checked.
      compiled = compileRules(bundle.guidelines, { prefilter: buildPrefilter });
    } catch (inner) {
      if (!(inner instanceof RuleSetError)) throw inner;
      compiled = null;
    }
  }

  const problems: string[] = [];
  const banned = new Set(bundle.bannedHashtags.map((tag) => tag.toLocaleLowerCase('id')));
  for (const set of bundle.hashtagSets) {
    for (const tag of set.hashtags) {
      if (banned.has(tag.toLocaleLowerCase('id'))) problems.push(`hashtag set ${set.id}: ${tag} is banned`);
    }
  }

  const captions: CaptionLint[] = [];
  for (const caption of bundle.captions) {
    for (const name of placeholderNames(caption.text)) {
      if (!KNOWN_PLACEHOLDERS.includes(name)) {
        problems.push(`caption ${caption.id}: unknown placeholder {{${name}}}`);
      }
    }
    for (const tag of caption.text.match(/#[\p{L}\p{N}_]+/gu) ?? []) {
      if (banned.has(tag.toLocaleLowerCase('id'))) problems.push(`caption ${caption.id}: ${tag} is banned`);
    }
    if (!compiled) continue;
    for (const agency of agenciesFor(caption, bundle)) {
      const { text } = fillPlaceholders(caption.text, {
        ...(agency
          ? { [PLACEHOLDERS.agencyName]: agency.name, [PLACEHOLDERS.agencyShortName]: agency.shortName }
          : {}),
        [PLACEHOLDERS.date]: formatDayDate(SAMPLE_DATE, 'id'),
        [PLACEHOLDERS.location]: SAMPLE_LOCATION,
      });
      for (const platform of caption.platforms) {
        const field = captionField(platform);
        const result = checkText(compiled, text, {
          platform,
          field,
          lang: options.lang ?? 'en',
          agency: agency ?? undefined,
          agencies: bundle.agencies,
          allowlists: bundle.allowlists,
          now: checkDate(caption, now),
        });
        if (result.findings.length > 0) {
          captions.push({
            captionId: caption.id,
            platform,
            field,
            agencyId: agency?.id ?? null,
            text,
            findings: result.findings,
          });
        }
      }
    }
  }

  if (compiled) captions.push(...lintReplies(bundle, compiled, options.lang ?? 'en', now));

  const advice = bundle.guidelines.flatMap((rule) => {
    const patterns =
      rule.kind === 'pattern' ? rule.patterns : rule.kind === 'required' ? (rule.trigger ?? []) : [];
    return patterns.flatMap((pattern) =>
      openWordAlternations(pattern).map((group) => ({
        ruleId: rule.id,
        message: `${group} also matches the start of longer words; end it with \\b, or with \\p{L}* if that is meant`,
      })),
    );
  });

  const all = captions.flatMap((entry) => entry.findings);
  return {
    ruleProblems,
    captions,
    problems,
    advice,
    errors: ruleProblems.length + problems.length + all.filter((f) => f.severity === 'error').length,
    warnings: advice.length + all.filter((f) => f.severity !== 'error').length,
  };
}

/**
 * Reply templates are approved answers too: each is checked as a reply on each of its platforms, with
 * a sample citizen and the first agency that has a PPID contact (docs/big-team.md).
 */
function lintReplies(
  bundle: LibraryBundle,
  compiled: CompiledRules,
  lang: Language,
  now: Date,
): CaptionLint[] {
  const agency = bundle.agencies.find((candidate) => candidate.ppid) ?? bundle.agencies[0] ?? null;
  const out: CaptionLint[] = [];
  for (const template of bundle.replyTemplates) {
    const { text } = fillPlaceholders(template.text, {
      [REPLY_PLACEHOLDERS.user]: SAMPLE_CITIZEN,
      ...(agency
        ? {
            [REPLY_PLACEHOLDERS.agencyName]: agency.name,
            [REPLY_PLACEHOLDERS.agencyShortName]: agency.shortName,
          }
        : {}),
      ...(agency?.ppid
        ? {
            [REPLY_PLACEHOLDERS.ppidName]: agency.ppid.name,
            [REPLY_PLACEHOLDERS.ppidContact]: agency.ppid.contact,
          }
        : {}),
    });
    const platforms = template.platforms.length ? template.platforms : PLATFORM_IDS;
    for (const platform of platforms) {
      const result = checkText(compiled, text, {
        platform,
        field: 'reply',
        lang,
        agency: agency ?? undefined,
        agencies: bundle.agencies,
        allowlists: bundle.allowlists,
        now,
      });
      if (result.findings.length > 0)
        out.push({
          kind: 'reply',
          captionId: template.id,
          platform,
          field: 'reply',
          agencyId: agency?.id ?? null,
          text,
          findings: result.findings,
        });
    }
  }
  return out;
}

/** Where a finding is: the matched text, or "(end)" for something missing. */
function excerpt(text: string, finding: Finding): string {
  if (finding.start === finding.end) return '(end)';
  const matched = text.slice(finding.start, finding.end).replace(/\s+/g, ' ');
  return JSON.stringify(matched.length > 60 ? `${matched.slice(0, 57)}…` : matched);
}

export function formatLintReport(report: LintReport): string {
  const lines: string[] = [];
  for (const problem of report.ruleProblems) lines.push(`error  rule ${problem.ruleId}: ${problem.message}`);
  for (const problem of report.problems) lines.push(`error  ${problem}`);
  for (const advice of report.advice) lines.push(`warning rule ${advice.ruleId}: ${advice.message}`);
  for (const entry of report.captions) {
    const where = `${entry.kind ?? 'caption'} ${entry.captionId} [${entry.platform}/${entry.field}${entry.agencyId ? `, ${entry.agencyId}` : ''}]`;
    for (const finding of entry.findings) {
      lines.push(
        `${finding.severity.padEnd(6)} ${where} ${finding.ruleId} at ${excerpt(entry.text, finding)}: ${finding.message}`,
      );
    }
  }
  lines.push(`${report.errors} error(s), ${report.warnings} warning(s)/suggestion(s)`);
  return `${lines.join('\n')}\n`;
}
