// IndexedDB for Dexie in happy-dom; the fake browser comes from WxtVitest.
import 'fake-indexeddb/auto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `check` keeps regex-audit verdicts in the user's cache: tests keep theirs in a folder of their own.
process.env.SP_CACHE_DIR ??= mkdtempSync(join(tmpdir(), 'satu-pintu-cache-'));
