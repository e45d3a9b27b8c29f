import { describe, expect, it } from 'vitest';
import { defaultWorkers } from '@/lib/cli/batch-run';

/** How many worker threads `check --jsonl` starts when `--workers` is not given. */
describe('default worker threads', () => {
  it('is one per core, at most eight, on a machine with cores to spare', () => {
    expect(defaultWorkers(2, 0)).toBe(2);
    expect(defaultWorkers(2, 1.9)).toBe(2);
    expect(defaultWorkers(16, 4)).toBe(8);
    // No load average (Windows reports 0): as many as the cores.
    expect(defaultWorkers(4, 0)).toBe(4);
  });

  it('is none once the load average reaches the cores plus one (the main thread checks alone)', () => {
    expect(defaultWorkers(2, 3)).toBe(0);
    expect(defaultWorkers(2, 9.5)).toBe(0);
    expect(defaultWorkers(8, 8.9)).toBe(8);
    expect(defaultWorkers(8, 9)).toBe(0);
  });
});
