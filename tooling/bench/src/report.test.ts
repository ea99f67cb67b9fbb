import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BenchResult, formatResult, formatTable, writeResult } from './report.js';

const result: BenchResult = {
  id: 'example',
  title: 'Example',
  baseline: 'the bare thing',
  parameters: { n: 3 },
  rows: [
    { name: 'ours', cells: { 'time s': 1.234, ratio: Number.NaN } },
    { name: 'baseline', cells: { 'time s': 1, failures: 0 } },
  ],
  targets: [{ name: 'speed', goal: '≤ 1.1 ×', actual: '1.23 ×', met: false }],
  notes: ['a note'],
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1500,
};

describe('formatTable', () => {
  it('uses the union of cells as columns and marks missing and NaN cells', () => {
    const lines = formatTable(result.rows).split('\n');
    expect(lines[0]).toMatch(/time s\s+ratio\s+failures$/);
    expect(lines[2]).toMatch(/^ours\s+1\.23\s+n\/a\s+—$/);
    expect(lines[3]).toMatch(/^baseline\s+1\s+—\s+0$/);
  });
});

describe('formatResult', () => {
  it('prints the baseline, the targets with a verdict, and the notes', () => {
    const text = formatResult(result);
    expect(text).toContain('baseline: the bare thing');
    expect(text).toContain('target speed: ≤ 1.1 × → 1.23 × [MISSED]');
    expect(text).toContain('note: a note');
  });
});

describe('writeResult', () => {
  it('writes JSON named by the id, with NaN as null', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-report-'));
    try {
      const path = await writeResult(result, dir);
      expect(path).toBe(join(dir, 'example.json'));
      const written = JSON.parse(await readFile(path, 'utf8'));
      expect(written.rows[0].cells.ratio).toBeNull();
      expect(written.targets[0].met).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
