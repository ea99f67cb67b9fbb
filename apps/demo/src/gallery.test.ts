import { describe, expect, it } from 'vitest';
import { galleryHtml } from './gallery.js';
import { summaryTable } from './summary-table.js';
import type { ScenarioResult } from './types.js';

const results: ScenarioResult[] = [
  {
    scenario: 'cards',
    title: 'Cards <&> more',
    platform: 'core',
    ok: true,
    ms: 1234,
    note: '2 cards',
    artifacts: [
      { file: 'card 1.png', contentType: 'image/png' },
      { file: 'cert.pdf', contentType: 'application/pdf' },
    ],
  },
  {
    scenario: 'hook',
    title: 'Hook',
    platform: 'n8n',
    ok: false,
    ms: 10,
    note: '',
    artifacts: [],
    error: 'UNAUTHORIZED: <b>',
  },
];

describe('galleryHtml', () => {
  const html = galleryHtml(results, new Date('2026-11-30T00:00:00Z'));

  it('inlines images and links other files, with encoded paths', () => {
    expect(html).toContain('<img src="card%201.png"');
    expect(html).toContain('<a href="cert.pdf">cert.pdf</a>');
  });

  it('escapes titles and errors', () => {
    expect(html).toContain('Cards &#60;&#38;&#62; more');
    expect(html).toContain('UNAUTHORIZED: &#60;b&#62;');
    expect(html).not.toContain('<b>');
  });

  it('marks failed rows', () => {
    expect(html).toMatch(/<tr class="failed"><td>Hook<\/td><td>n8n<\/td><td>failed<\/td>/);
  });
});

describe('summaryTable', () => {
  it('lists every run with its result, time and files', () => {
    const table = summaryTable(results).split('\n');
    expect(table).toHaveLength(4);
    expect(table[2]).toMatch(
      /^\| cards +\| core +\| ok +\| 1\.2 s \| card 1\.png cert\.pdf — 2 cards/,
    );
    expect(table[3]).toContain('FAILED');
  });
});

describe('skipped scenarios', () => {
  const skipped: ScenarioResult = {
    scenario: 'render-completed',
    title: 'Trigger',
    platform: 'core',
    ok: true,
    skipped: true,
    ms: 0,
    note: 'skipped: needs Canvelete to call back into this machine',
    artifacts: [],
  };

  it('are shown as skipped, not ok and not failed', () => {
    expect(summaryTable([skipped]).split('\n')[2]).toMatch(
      /\| skipped \|.*needs Canvelete to call back/,
    );
    expect(galleryHtml([skipped], new Date(0))).toContain('<td>skipped</td>');
  });
});
