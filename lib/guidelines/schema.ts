import { z } from 'zod';
import { FIELD_IDS, PLATFORM_IDS } from '@/lib/platforms/types';
import { CATEGORIES, SEVERITIES } from './types';

/**
 * The rule model. Rules are data in the signed library (library/src/guidelines/*.yaml), never code:
 * this schema is the only contract between the central team's YAML and the engine.
 *
 * Regular expressions in rules use JavaScript syntax and are always compiled with the `u` flag.
 * `\b` and `\w` are rewritten to Unicode-aware forms (JavaScript's own only know ASCII letters, so
 * "kesehatán" would have a boundary in the middle); they, and `\p{L}`, `\p{Lu}`, `\p{Ll}`, cover the
 * Latin script with all its diacritics (plus Arabic script and digits for `\w`): the full Unicode
 * classes make V8 an order of magnitude slower (see safe-regex.ts). Patterns that can backtrack
 * catastrophically are rejected when the rule set loads (docs/guidelines.md § Regex budget).
 */

export type { Category, RuleKind, Severity } from './types';
// The constants live in the zod-free contract module so the content script can use them without zod.
export { CATEGORIES, RULE_KINDS, SEVERITIES } from './types';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/, 'ISO date (YYYY-MM-DD)');

/** A message in both UI languages; `%s` is replaced with the matched text (or the measured value). */
export const RuleMessageSchema = z.object({ id: z.string().min(1), en: z.string().min(1) });

export const RuleScopeSchema = z.object({
  platforms: z.array(z.enum(PLATFORM_IDS)).min(1).optional(),
  fields: z.array(z.enum(FIELD_IDS)).min(1).optional(),
});

export const RuleExamplesSchema = z.object({
  bad: z.array(z.string()).default([]),
  good: z.array(z.string()).default([]),
});

/** The most sentences a window reaches before or after the match's own. */
export const MAX_WINDOW_SENTENCES = 5;

const windowSide = z
  .number()
  .int('a whole number of sentences')
  .min(0, 'a number of sentences, 0 or more')
  .max(MAX_WINDOW_SENTENCES, `at most ${MAX_WINDOW_SENTENCES} sentences before or after the match's own`)
  .default(0);

const WITHIN_FORMS = `sentence, text, or a window {before: n, after: n} of 0 to ${MAX_WINDOW_SENTENCES} sentences each`;

/**
 * Where a context condition (or a `required` rule's `anyOf`) is looked for: `sentence` between the
 * nearest . ! ? or line breaks around the match, `text` anywhere in the draft, or a window of the
 * match's sentence and up to five sentences before and after it (`{before: 2, after: 0}`: "the
 * source named in the line above the figure"); blank lines are not sentences.
 */
export const WithinSchema = z.union(
  [
    z.enum(['sentence', 'text'], { error: WITHIN_FORMS }),
    z.strictObject({ before: windowSide, after: windowSide }, { error: WITHIN_FORMS }),
  ],
  { error: WITHIN_FORMS },
);
export type Within = z.infer<typeof WithinSchema>;

/**
 * Context that must (`when`) or must not (`unless`) be present around a match for it to count:
 * e.g. "anjing" in a rabies post is not an insult.
 */
export const ContextConditionSchema = z.object({
  patterns: z.array(z.string().min(1)).min(1),
  within: WithinSchema.default('sentence'),
  caseSensitive: z.boolean().default(false),
});
export type ContextCondition = z.infer<typeof ContextConditionSchema>;

const base = {
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'rule id: letters, digits, . _ -'),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  message: RuleMessageSchema,
  /** The law, circular or guideline the rule enforces (and, for limits, where the figure comes from). */
  source: z.string().optional(),
  scope: RuleScopeSchema.default({}),
  validFrom: isoDate.optional(),
  validUntil: isoDate.optional(),
  examples: RuleExamplesSchema.default({ bad: [], good: [] }),
  /** Free-form reviewer note; ignored by the engine. */
  note: z.string().optional(),
};

/**
 * Context conditions shared by the kinds that match spans of text. `unless` may list several
 * conditions, each with its own scope and case (a notice anywhere in the text, a question in the
 * match's sentence): any one that holds leaves the match unreported.
 */
const contextual = {
  when: ContextConditionSchema.optional(),
  unless: z.union([ContextConditionSchema, z.array(ContextConditionSchema).min(1).max(8)]).optional(),
};

/**
 * Not inside a hashtag (a match right after `#`: "#pontianak", "#kubu raya"): a tag names the place or
 * campaign, it is not prose to correct. Optional without a default, so rules that leave it out parse
 * as before.
 */
const hashtags = { skipHashtags: z.boolean().optional() };

/** Words or phrases (Vale "existence"): matched on Unicode word boundaries, case-insensitive by default. */
export const TermsRuleSchema = z.object({
  ...base,
  ...contextual,
  ...hashtags,
  kind: z.literal('terms'),
  terms: z.array(z.string().min(1)).min(1),
  caseSensitive: z.boolean().default(false),
  /** Longer phrases in which a term is fine ("rekening resmi" for "rekening"). */
  exceptions: z.array(z.string().min(1)).default([]),
  /**
   * Match through normalisation (docs/guidelines.md § Normalisation): repeated letters, digits and
   * symbols for letters, spaced or dotted-out letters, look-alike letters, colloquial spellings.
   */
  normalize: z.boolean().default(false),
  /**
   * Which forms of a word match (with `normalize`): `exact`, `clitics` (+ -nya, -mu, -ku, -lah,
   * -kah, -pun, ku-, kau-), or `stem` (every inflected form through the Indonesian stemmer:
   * "jual" matches "dijual", "menjualnya", "penjualan").
   */
  forms: z.enum(['exact', 'clitics', 'stem']).default('exact'),
  /** Not inside quotation marks on the line (reported speech, a quoted hoax being debunked). */
  unlessQuoted: z.boolean().default(false),
});

export const SubstitutionPairSchema = z.object({
  from: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  to: z.union([z.string(), z.array(z.string()).min(1)]),
});

/** Wrong → right (prh/Vale "substitution"); replacements keep the case of the original. */
export const SubstitutionRuleSchema = z.object({
  ...base,
  ...contextual,
  ...hashtags,
  kind: z.literal('substitution'),
  pairs: z.array(SubstitutionPairSchema).min(1),
  caseSensitive: z.boolean().default(false),
  /**
   * Also match the Indonesian affixed forms of single-word pairs (di-, ter-, ber-, se-, ke-, meN-,
   * peN-, per- with nasal assimilation; -an, -kan, -i, -nya, -lah), so one pair
   * himbau→imbau also covers menghimbau→mengimbau and dihimbaukan→diimbaukan.
   */
  affixes: z.boolean().default(false),
  exceptions: z.array(z.string().min(1)).default([]),
});

/**
 * `nik`: the match is a plausible NIK/KK number (province code, birth date); `nik-implausible`: it is
 * not (a labelled number with a typo or an issue date), so a rule for labelled numbers never repeats
 * what the `nik` rule reports on the same digits.
 */
export const VALIDATORS = ['nik', 'nik-implausible', 'phone', 'npwp', 'domain'] as const;

/** A regular expression; the optional validator decides whether a match really is a violation. */
export const PatternRuleSchema = z.object({
  ...base,
  ...contextual,
  kind: z.literal('pattern'),
  patterns: z.array(z.string().min(1)).min(1),
  caseSensitive: z.boolean().default(false),
  /**
   * nik: 16 digits with a valid province code and DDMMYY date (day + 40 for women);
   * phone: not on the allow-list (context.allowlists.phones, agency.officialPhones);
   * npwp: 15 or 16 digits; domain: the URL's host is not on context.allowlists.domains
   * (or the rule's `allowDomains`; "*.go.id" style wildcards).
   */
  validator: z.enum(VALIDATORS).optional(),
  /** For `domain`: hosts that are fine ("*.go.id"). */
  allowDomains: z.array(z.string().min(1)).default([]),
  /** Exact matched texts that are fine (official acronyms for the all-caps rule). */
  exceptions: z.array(z.string().min(1)).default([]),
  /** Also accept the short names and names of context.agencies (e.g. "BPBD" for the all-caps rule). */
  allowAgencyNames: z.boolean().default(false),
  /** Report only this named capture group (e.g. the number, not the label before it). */
  group: z.string().optional(),
  /** One-click fixes; `$<name>` refers to a named capture group. */
  replacements: z.array(z.string()).optional(),
});

/** Must contain one of `anyOf` (or every hashtag the agency requires), optionally only when `trigger` matches. */
export const RequiredRuleSchema = z
  .object({
    ...base,
    ...contextual,
    kind: z.literal('required'),
    anyOf: z.array(z.string().min(1)).default([]),
    /** Each of context.agency.requiredHashtags must appear. */
    agencyHashtags: z.boolean().default(false),
    trigger: z.array(z.string().min(1)).optional(),
    /**
     * Where `anyOf` must appear: `text` (anywhere, the default), or around each `trigger` match
     * (its `sentence` or a window); the first trigger match whose surroundings lack every `anyOf`
     * is reported. Without a trigger, around the draft's end. Optional without a default, so rules
     * that leave it out parse (and are built into the library) as before.
     */
    anyOfWithin: WithinSchema.optional(),
    caseSensitive: z.boolean().default(false),
    /** Text appended at the end of the draft as the one-click fix. */
    suggestion: z.string().optional(),
  })
  .refine((rule) => rule.anyOf.length > 0 || rule.agencyHashtags, {
    message: 'a required rule needs anyOf patterns or agencyHashtags',
  });

export const LIMIT_MEASURES = [
  'chars',
  'bytes',
  'hashtags',
  'mentions',
  'emoji',
  'lines',
  'capsRatio',
  /** YouTube's tag-list length: tags joined by commas, a tag with a space counted as quoted. */
  'tagChars',
] as const;
export type LimitMeasure = (typeof LIMIT_MEASURES)[number];

/** A count per field with a maximum; per-platform values are separate rules scoped to that platform/field. */
export const LimitRuleSchema = z.object({
  ...base,
  kind: z.literal('limit'),
  measure: z.enum(LIMIT_MEASURES),
  max: z.number().nonnegative(),
  /**
   * Which part of the draft is measured: a YouTube draft typed as one text follows the convention
   * "first line = title, the rest = description".
   */
  segment: z.enum(['all', 'first-line', 'rest']).default('all'),
  /** capsRatio only: ignore texts with fewer letters than this (short acronyms are not shouting). */
  minLetters: z.number().int().nonnegative().default(20),
});

/**
 * Repeated punctuation ("!!!", "???"), doubled words ("yang yang"), or a hashtag written again in
 * any case ("#Vaksin … #vaksin": the platforms link both to one tag; reported at the repeat).
 */
export const RepetitionRuleSchema = z.object({
  ...base,
  kind: z.literal('repetition'),
  mode: z.enum(['punctuation', 'words', 'hashtags']),
  /** punctuation: which characters count (default "!?"). */
  chars: z.string().min(1).default('!?'),
  /** punctuation: a run this long or longer fires. */
  min: z.number().int().min(2).default(2),
  /** words: doubled words that are fine. */
  exceptions: z.array(z.string().min(1)).default([]),
});

/**
 * Official titles and institution names in their canonical capitalisation; a case-insensitive
 * match written differently fires with the canonical form as fix. `heads` × `tails` generates
 * "Gubernur Kalimantan Barat", "Bupati Sambas", ...; `agencies` adds context.agencies' names.
 */
export const CapitalizationRuleSchema = z
  .object({
    ...base,
    ...hashtags,
    kind: z.literal('capitalization'),
    names: z.array(z.string().min(1)).default([]),
    heads: z.array(z.string().min(1)).default([]),
    tails: z.array(z.string().min(1)).default([]),
    agencies: z.boolean().default(false),
  })
  .refine(
    (rule) => rule.names.length > 0 || (rule.heads.length > 0 && rule.tails.length > 0) || rule.agencies,
    {
      message: 'a capitalization rule needs names, heads × tails, or agencies',
    },
  );

export const RuleSchema = z
  .discriminatedUnion('kind', [
    TermsRuleSchema,
    SubstitutionRuleSchema,
    PatternRuleSchema,
    RequiredRuleSchema,
    LimitRuleSchema,
    RepetitionRuleSchema,
    CapitalizationRuleSchema,
  ])
  .superRefine((rule, ctx) => {
    // A rule that can fire on the text alone carries a bad example that proves it does (docs/guidelines.md § Examples).
    // Exceptions: rules that need the agency from the context, and limits too large to write out.
    const needsContext =
      (rule.kind === 'required' && rule.agencyHashtags) ||
      (rule.kind === 'capitalization' &&
        rule.agencies &&
        rule.names.length === 0 &&
        rule.heads.length === 0) ||
      (rule.kind === 'limit' && (rule.measure === 'chars' || rule.measure === 'bytes') && rule.max >= 500);
    if (!needsContext && rule.examples.bad.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['examples', 'bad'],
        message: `rule ${rule.id}: needs a bad example`,
      });
    }
    if (rule.validFrom && rule.validUntil && rule.validFrom > rule.validUntil) {
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: `rule ${rule.id}: validUntil before validFrom`,
      });
    }
  });

export type Rule = z.infer<typeof RuleSchema>;
/** What a YAML file or the library may contain before defaults are applied. */
export type RuleInput = z.input<typeof RuleSchema>;
export type TermsRule = z.infer<typeof TermsRuleSchema>;
export type SubstitutionRule = z.infer<typeof SubstitutionRuleSchema>;
export type PatternRule = z.infer<typeof PatternRuleSchema>;
export type RequiredRule = z.infer<typeof RequiredRuleSchema>;
export type LimitRule = z.infer<typeof LimitRuleSchema>;
export type RepetitionRule = z.infer<typeof RepetitionRuleSchema>;
export type CapitalizationRule = z.infer<typeof CapitalizationRuleSchema>;

export const RuleListSchema = z.array(RuleSchema);
