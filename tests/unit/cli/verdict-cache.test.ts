import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVerdictCache, saveVerdictCache, verdictCachePath } from '@/lib/cli/verdict-cache';
import {
  auditKey,
  auditPattern,
  LEDGER_RECHECK_VERSION,
  type PatternVerdict,
} from '@/lib/guidelines/regex-audit';

const dir = () => mkdtempSync(join(tmpdir(), 'sp-verdicts-'));
/** A pattern no ledger knows, different in every test. */
let serial = 0;
const unknownPattern = () => `zz-verdict-cache-${process.pid}-${++serial}-(?:a|b)`;
const refuse = (): PatternVerdict => {
  throw new Error('recheck should not run: the verdict is cached');
};

describe('the regex audit verdicts kept between check runs', () => {
  it('lives in SP_CACHE_DIR, else XDG_CACHE_HOME/satu-pintu', () => {
    expect(verdictCachePath({ SP_CACHE_DIR: '/c' })).toBe(join('/c', 'regex-verdicts.json'));
    expect(verdictCachePath({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'satu-pintu', 'regex-verdicts.json'));
  });

  it('keeps what recheck reached in this run, with the recheck version', () => {
    const path = join(dir(), 'nested', 'regex-verdicts.json');
    const source = unknownPattern();
    let asked = 0;
    const verdict = auditPattern(source, 'iu', {
      auditor: () => {
        asked += 1;
        return { status: 'safe' };
      },
    });
    expect(verdict).toEqual({ status: 'safe' });
    expect(asked).toBe(1);
    expect(saveVerdictCache(path)).toBeNull();
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    expect(saved.recheck).toBe(LEDGER_RECHECK_VERSION);
    expect(saved.patterns[auditKey(source, 'iu')]).toEqual({ status: 'safe' });
  });

  it('answers the next run from the file: recheck does not run again', () => {
    const path = join(dir(), 'regex-verdicts.json');
    const source = unknownPattern();
    const vulnerable: PatternVerdict = { status: 'vulnerable', degree: 2, attack: "'a'.repeat(30)" };
    writeFileSync(
      path,
      JSON.stringify({ recheck: LEDGER_RECHECK_VERSION, patterns: { [auditKey(source, 'u')]: vulnerable } }),
    );
    loadVerdictCache(path);
    expect(auditPattern(source, 'u', { auditor: refuse })).toEqual(vulnerable);
  });

  it('ignores verdicts of another recheck version and a damaged file, which is written anew', () => {
    const folder = dir();
    const other = join(folder, 'other.json');
    const source = unknownPattern();
    writeFileSync(
      other,
      JSON.stringify({ recheck: 'another', patterns: { [auditKey(source, 'u')]: { status: 'safe' } } }),
    );
    loadVerdictCache(other);
    const damaged = join(folder, 'damaged.json');
    writeFileSync(damaged, '{not json');
    loadVerdictCache(damaged);
    let asked = 0;
    auditPattern(source, 'u', {
      auditor: () => {
        asked += 1;
        return { status: 'unknown', reason: 'timeout' };
      },
    });
    expect(asked).toBe(1);
    expect(saveVerdictCache(damaged)).toBeNull();
    expect(JSON.parse(readFileSync(damaged, 'utf8')).patterns[auditKey(source, 'u')]).toEqual({
      status: 'unknown',
      reason: 'timeout',
    });
  });

  it('says so, and nothing else, when the cache cannot be written', () => {
    const folder = dir();
    const file = join(folder, 'a-file');
    writeFileSync(file, '');
    auditPattern(unknownPattern(), 'u', { auditor: () => ({ status: 'safe' }) });
    expect(saveVerdictCache(join(file, 'regex-verdicts.json'))).toMatch(/could not keep the regex audit/);
  });
});
