import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SatuPintuDb } from '@/lib/db/database';
import { decodeWeights, encodeWeights } from '@/lib/guidelines/model/codec';
import { loadAbuseModel } from '@/lib/guidelines/model/schema';
import type { AbuseModelFile } from '@/lib/guidelines/model/types';
import { BuildError, buildBundleFromSources, readSourceDir } from '@/lib/library/build-bundle';
import { loadBundle } from '@/lib/library/bundle-store';
import { LibraryBundleSchema } from '@/lib/library/schema';
import { generateKeyPair, type KeyPair, signBytes } from '@/lib/library/signature';
import { makeBundle } from '../library/fixtures';
import { harness } from '../library/sync-harness';
import {
  structuredDraftsFile,
  tamperedDraftsFile,
  tinyDraftsFile,
  unknownStructureDraftsFile,
} from './model-drafts-fixtures';
import { tinyModelFile } from './model-fixtures';

/** Builds and loads the whole library: sized for a loaded 2-core machine. */
const SLOW = { timeout: 60_000 };
const ROOT = join(import.meta.dirname, '../../..');

/** The same model with one weight changed and the checksum left as it was. */
function tampered(file: AbuseModelFile): AbuseModelFile {
  const weights = decodeWeights(file.heads.abuse.weights, 2 ** file.features.hashBits);
  const index = weights.findIndex((w) => w !== 0);
  weights[index] = (weights[index] as number) > 0 ? -1 : 1;
  return {
    ...file,
    heads: { ...file.heads, abuse: { ...file.heads.abuse, weights: encodeWeights(weights) } },
  };
}

describe('the abuse model in the library bundle', () => {
  it('is optional, and checked with the bundle when present', () => {
    const bundle = makeBundle();
    expect(bundle.models).toBeUndefined();
    const withModel = LibraryBundleSchema.safeParse({ ...bundle, models: { abuse: tinyModelFile() } });
    expect(withModel.success).toBe(true);
    const broken = LibraryBundleSchema.safeParse({ ...bundle, models: { abuse: tampered(tinyModelFile()) } });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues[0]?.path).toEqual(['models', 'abuse', 'checksum']);
    expect(broken.error?.issues[0]?.message).toMatch(/checksum mismatch/);
  });

  it('library build reads SRC/models/abuse.json and refuses a damaged one by its path', SLOW, async () => {
    const files = await readSourceDir(join(ROOT, 'library/src'));
    expect(files['models/abuse.json']).toBeDefined();
    const built = buildBundleFromSources(files, { now: new Date('2026-11-26T00:00:00Z') });
    const model = built.bundle.models?.abuse;
    expect(model?.id).toBe('abuse-id-twitter-ibrohim-budi-2019');
    expect(() => loadAbuseModel(model)).not.toThrow();
    const damaged = tampered(JSON.parse(files['models/abuse.json'] as string) as AbuseModelFile);
    expect(() =>
      buildBundleFromSources({ ...files, 'models/abuse.json': JSON.stringify(damaged) }, { now: new Date() }),
    ).toThrow(/^models\.abuse\.checksum: checksum mismatch/);
    expect(() => buildBundleFromSources({ ...files, 'models/abuse.json': '{' }, { now: new Date() })).toThrow(
      BuildError,
    );
  });

  it('the embedded library carries the shipped model', SLOW, async () => {
    const embedded = JSON.parse(await readFile(join(ROOT, 'public/library/kalbar.json'), 'utf8'));
    const shipped = JSON.parse(await readFile(join(ROOT, 'library/src/models/abuse.json'), 'utf8'));
    expect(embedded.models?.abuse?.checksum).toBe(shipped.checksum);
  });
});

/**
 * Each model file, good and bad: tampered (one weight changed, the checksum left as it was), or
 * well-signed but naming a structural feature this version cannot compute; `path` is where it fails.
 */
const MODEL_FILES = [
  {
    kind: 'abuse',
    problem: 'fails its checksum',
    path: 'models.abuse.checksum',
    files: () => {
      const good = tinyModelFile();
      return { good, bad: tampered(good) };
    },
  },
  {
    kind: 'drafts',
    problem: 'fails its checksum',
    path: 'models.drafts.checksum',
    files: () => {
      const good = tinyDraftsFile();
      return { good, bad: tamperedDraftsFile(good) };
    },
  },
  {
    kind: 'drafts',
    problem: 'names an unknown structural feature',
    path: 'models.drafts.features.structure[0]',
    files: () => ({ good: structuredDraftsFile(), bad: unknownStructureDraftsFile() }),
  },
] as const;

describe.each(MODEL_FILES)('a signed bundle whose $kind model $problem', ({ kind, path, files }) => {
  let keys: KeyPair;
  let db: SatuPintuDb;
  let count = 0;
  beforeAll(async () => {
    keys = await generateKeyPair();
  });
  beforeEach(async () => {
    db = openDatabase(`model-bundle-test-${kind}-${count++}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('is refused with the model’s path, and the last good library stays in use', SLOW, async () => {
    const h = harness(db, makeBundle({ id: 'uji', version: 3 }), keys);
    h.source.publicKey = keys.publicJwk;
    const { good, bad } = files();
    await h.serve({ ...makeBundle({ version: 4 }), models: { [kind]: good } });
    expect((await h.sync({ force: true })).error).toBeNull();
    expect((await loadBundle(db))?.bundle.models?.[kind]?.checksum).toBe(good.checksum);

    const bytes = new TextEncoder().encode(
      JSON.stringify({ ...makeBundle({ version: 5 }), models: { [kind]: bad } }),
    );
    h.serveRaw(bytes, await signBytes(bytes, keys.privateJwk));
    const status = await h.sync({ force: true });
    expect(status.error).toMatchObject({ code: 'schema', path });
    const kept = await loadBundle(db);
    expect(kept?.bundle.version).toBe(4);
    expect(kept?.bundle.models?.[kind]?.checksum).toBe(good.checksum);
  });
});
