import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { bigTeamProblem } from '@/lib/bigteam/bundle-checks';
import { expandFragments } from '@/lib/guidelines/fragments';
import {
  type ApprovalRecord,
  formatIssuePath,
  LIBRARY_FORMAT,
  type LibraryBundle,
  LibraryBundleSchema,
} from './schema';
import { rulesProblem } from './verify-bundle';

/**
 * Builds a bundle from the bureau's human-edited sources (Node only: the `library build` command).
 *
 *   SRC/meta.yaml            id, publisher, validityDays, endpoints, allowlists
 *   SRC/agencies.yaml        list of agencies
 *   SRC/hashtags.yaml        sets: [...], banned: [...] (→ bundle.bannedHashtags)
 *   SRC/platforms.yaml       selector overrides per platform
 *   SRC/approvals.yaml       optional list of approval records
 *   SRC/guidelines/*.yaml    lists of guideline rules (file-name order)
 *   SRC/captions/*.md        one caption per file: YAML front matter + the text (id = file name)
 *   SRC/models/abuse.json    optional abuse / hate-speech model (`npm run train:abuse`)
 *   SRC/models/drafts.json   optional per-category draft classifier (`npm run train:drafts`)
 *   SRC/requests.yaml        optional amplification requests (docs/big-team.md)
 *   SRC/replies.yaml         optional approved reply templates
 *   SRC/commitment.md        optional commitment text: front matter `version` + the text
 */
export class BuildError extends Error {}

export interface BuildOptions {
  /** The bundle this build replaces (the existing output file): versions continue from it. */
  previous?: LibraryBundle | null;
  /** Decisions kept outside the sources (the desk's database), merged by fingerprint. */
  approvals?: ApprovalRecord[];
  now?: Date;
}

export interface BuildResult {
  bundle: LibraryBundle;
  json: string;
  /** False when the sources produce exactly the previous bundle (nothing to publish). */
  changed: boolean;
}

const DAY_MS = 86_400_000;

/** The source files by path relative to the source folder (`meta.yaml`, `captions/x.md`, …). */
export type SourceFiles = Readonly<Record<string, string>>;

const TOP_FILES = [
  'meta.yaml',
  'agencies.yaml',
  'hashtags.yaml',
  'platforms.yaml',
  'approvals.yaml',
  'models/abuse.json',
  'models/drafts.json',
  'requests.yaml',
  'replies.yaml',
  'commitment.md',
];

async function listFiles(dir: string, extension: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(extension)).sort();
  } catch {
    return [];
  }
}

/** Reads a source folder into memory (the desk keeps the same files in its database). */
export async function readSourceDir(srcDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const paths = [
    ...TOP_FILES,
    ...(await listFiles(join(srcDir, 'guidelines'), '.yaml')).map((name) => `guidelines/${name}`),
    ...(await listFiles(join(srcDir, 'captions'), '.md')).map((name) => `captions/${name}`),
  ];
  for (const path of paths) {
    try {
      files[path] = await readFile(join(srcDir, path), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && path !== 'meta.yaml') continue;
      throw new BuildError(`${join(srcDir, path)}: cannot read (${(error as Error).message})`);
    }
  }
  return files;
}

function yamlOf(files: SourceFiles, path: string): unknown {
  const text = files[path];
  if (text === undefined) return undefined;
  try {
    return parseYaml(text);
  } catch (error) {
    throw new BuildError(`${path}: invalid YAML (${(error as Error).message})`);
  }
}

function jsonOf(files: SourceFiles, path: string): unknown {
  const text = files[path];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BuildError(`${path}: invalid JSON (${(error as Error).message})`);
  }
}

/** Source paths under `folder/` with `extension`, in file-name order. */
function filesUnder(files: SourceFiles, folder: string, extension: string): string[] {
  return Object.keys(files)
    .filter((path) => path.startsWith(`${folder}/`) && path.endsWith(extension))
    .sort();
}

/** `---\nfront matter\n---\nbody`: the body is the caption text, without the blank lines around it. */
export function parseCaptionFile(text: string, fileName: string): Record<string, unknown> {
  const normalised = text.replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(normalised);
  if (!match) throw new BuildError(`${fileName}: expected YAML front matter between two "---" lines`);
  let front: unknown;
  try {
    front = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new BuildError(`${fileName}: invalid front matter (${(error as Error).message})`);
  }
  if (!front || typeof front !== 'object' || Array.isArray(front)) {
    throw new BuildError(`${fileName}: the front matter must be a YAML mapping`);
  }
  const body = (match[2] ?? '').replace(/^\n+/, '').replace(/\s+$/, '');
  return { id: basename(fileName, '.md'), ...(front as Record<string, unknown>), text: body };
}

/** `version: 2` in front matter is a number to YAML; the commitment's version is compared as text. */
function versionText(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : value;
}

/** Merges approval records by fingerprint; the later decision wins. */
export function mergeApprovals(...lists: ApprovalRecord[][]): ApprovalRecord[] {
  const byFingerprint = new Map<string, ApprovalRecord>();
  for (const record of lists.flat()) {
    const known = byFingerprint.get(record.fingerprint);
    if (!known || Date.parse(record.decidedAt) >= Date.parse(known.decidedAt))
      byFingerprint.set(record.fingerprint, record);
  }
  return [...byFingerprint.values()].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
}

export function serializeBundle(bundle: LibraryBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

export async function buildBundle(srcDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  return buildBundleFromSources(await readSourceDir(srcDir), options);
}

/** Builds from source files held in memory: the CLI reads them from a folder, the desk from its db. */
export function buildBundleFromSources(files: SourceFiles, options: BuildOptions = {}): BuildResult {
  const now = options.now ?? new Date();
  const previous = options.previous ?? null;
  if (files['meta.yaml'] === undefined) throw new BuildError('meta.yaml: missing');
  const meta = (yamlOf(files, 'meta.yaml') ?? {}) as Record<string, unknown>;
  const agencies = yamlOf(files, 'agencies.yaml') ?? [];
  const hashtags = (yamlOf(files, 'hashtags.yaml') ?? {}) as Record<string, unknown>;
  const platforms = yamlOf(files, 'platforms.yaml') ?? {};
  const approvals = yamlOf(files, 'approvals.yaml') ?? [];
  const abuseModel = jsonOf(files, 'models/abuse.json');
  const draftsModel = jsonOf(files, 'models/drafts.json');
  const requests = yamlOf(files, 'requests.yaml') ?? [];
  const replyTemplates = yamlOf(files, 'replies.yaml') ?? [];
  const commitmentFile = files['commitment.md'];
  const commitment =
    commitmentFile === undefined ? undefined : parseCaptionFile(commitmentFile, 'commitment.md');

  const guidelines: unknown[] = [];
  const guidelineOrigin: string[] = [];
  for (const path of filesUnder(files, 'guidelines', '.yaml')) {
    const rules = yamlOf(files, path);
    if (rules == null) continue;
    if (!Array.isArray(rules)) throw new BuildError(`${path}: expected a YAML list of rules`);
    // Pattern fragments are expanded here: the bundle carries whole patterns.
    const expanded = expandFragments(rules, path);
    const problem = expanded.problems[0];
    if (problem) throw new BuildError(`${path}: ${problem.ruleId}: ${problem.message}`);
    guidelines.push(...expanded.rules);
    guidelineOrigin.push(...expanded.rules.map(() => path));
  }

  const captionFiles = filesUnder(files, 'captions', '.md').map((path) => path.slice('captions/'.length));
  const captions = captionFiles.map((name) =>
    parseCaptionFile(files[`captions/${name}`] ?? '', `captions/${name}`),
  );

  const {
    validityDays = 90,
    version: firstVersion,
    ...metaRest
  } = meta as { validityDays?: number; version?: number };
  const draft = {
    format: LIBRARY_FORMAT,
    ...metaRest,
    version: previous?.version ?? 1,
    issuedAt: previous?.issuedAt ?? now.toISOString(),
    expiresAt: previous?.expiresAt ?? new Date(now.getTime() + validityDays * DAY_MS).toISOString(),
    agencies,
    guidelines,
    captions,
    hashtagSets: hashtags.sets ?? [],
    bannedHashtags: hashtags.banned ?? [],
    approvals,
    platforms,
    requests,
    replyTemplates,
    ...(commitment === undefined
      ? {}
      : { commitment: { version: versionText(commitment.version), text: commitment.text } }),
    ...(abuseModel === undefined && draftsModel === undefined
      ? {}
      : {
          models: {
            ...(abuseModel === undefined ? {} : { abuse: abuseModel }),
            ...(draftsModel === undefined ? {} : { drafts: draftsModel }),
          },
        }),
  };

  const parsed = LibraryBundleSchema.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? formatIssuePath(issue.path) : '(root)';
    const [section, index] = issue?.path ?? [];
    const file =
      section === 'captions' && typeof index === 'number'
        ? ` (captions/${captionFiles[index]})`
        : section === 'guidelines' && typeof index === 'number'
          ? ` (${guidelineOrigin[index]})`
          : '';
    throw new BuildError(`${path}${file}: ${issue?.message ?? 'invalid'}`);
  }
  const rules = rulesProblem(parsed.data);
  if (rules) {
    const index = Number(/\[(\d+)\]/.exec(rules.path)?.[1]);
    const file = Number.isInteger(index) ? ` (${guidelineOrigin[index]})` : '';
    throw new BuildError(`${rules.path}${file}: ${rules.detail}`);
  }
  const bigTeam = bigTeamProblem(parsed.data);
  if (bigTeam) throw new BuildError(bigTeam);
  const ids = new Set<string>();
  for (const [i, caption] of parsed.data.captions.entries()) {
    if (ids.has(caption.id))
      throw new BuildError(`captions[${i}] (captions/${captionFiles[i]}): duplicate id ${caption.id}`);
    ids.add(caption.id);
  }
  const agencyIds = new Set(parsed.data.agencies.map((agency) => agency.id));
  for (const [i, caption] of parsed.data.captions.entries()) {
    const unknown = caption.agencies.find((id) => !agencyIds.has(id));
    if (unknown)
      throw new BuildError(`captions[${i}] (captions/${captionFiles[i]}): unknown agency ${unknown}`);
  }

  // Decisions recorded with `library approve` live only in the published file: keep them.
  const content: LibraryBundle = {
    ...parsed.data,
    approvals: mergeApprovals(previous?.approvals ?? [], parsed.data.approvals, options.approvals ?? []),
  };
  if (previous && serializeBundle(content) === serializeBundle(previous)) {
    return { bundle: previous, json: serializeBundle(previous), changed: false };
  }
  const bundle: LibraryBundle = {
    ...content,
    version: previous ? previous.version + 1 : (firstVersion ?? 1),
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + validityDays * DAY_MS).toISOString(),
  };
  return { bundle, json: serializeBundle(bundle), changed: true };
}
