// Line items → one batch render → one callback → one result per row.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, zapierErrorOf } from './harness';
import { designIdNamed, PRODUCT_CARD, resumeBundle } from './helpers';

const OPERATION = 'creates.render_many.operation';

let harness: Harness;
let productCard: string;
beforeAll(async () => {
  harness = await startHarness();
  productCard = await designIdNamed(harness, PRODUCT_CARD);
});
afterAll(() => harness.close());

type Result = Record<string, unknown> & { id: string; results: Array<Record<string, unknown>> };

describe('render_many', () => {
  it('offers the design’s dynamic fields as line-item columns', async () => {
    const fields = await harness.run<Array<{ key: string; children?: Array<{ key: string }> }>>(
      `${OPERATION}.inputFields`,
      { inputData: { designId: productCard } },
    );
    const rows = fields.find((field) => field.key === 'items');
    expect(rows?.children?.map((child) => child.key)).toEqual(
      expect.arrayContaining(['data__product__name', 'data__price', 'reference']),
    );
  });

  it('renders every row in one batch and resumes from one callback with a result per row', async () => {
    const name = randomUUID();
    const started = await harness.run<Record<string, unknown>>(
      `${OPERATION}.perform`,
      {
        inputData: {
          designId: productCard,
          format: 'png',
          items: [
            { data__product__name: 'Row one', reference: 'row-1' },
            { data__product__name: 'Row two', reference: 'sandbox:fail-row-2' },
            { data__product__name: 'Row three', reference: 'row-3' },
          ],
        },
      },
      { callbackUrl: harness.fake.callbackUrl(name) },
    );
    expect(typeof started['batchId']).toBe('string');
    const deliveries = await harness.fake.waitForDeliveries(name);
    const result = await harness.run<Result>(
      `${OPERATION}.performResume`,
      resumeBundle(started, deliveries[0]!),
    );
    expect(harness.fake.deliveries(name)).toHaveLength(1);
    expect(result).toMatchObject({ id: started['batchId'], total: 3, succeeded: 2, failed: 1 });
    expect(result.results.map((row) => [row['index'], row['reference'], row['status']])).toEqual([
      [0, 'row-1', 'completed'],
      [1, 'sandbox:fail-row-2', 'failed'],
      [2, 'row-3', 'completed'],
    ]);
    expect(String(result.results[0]?.['file'])).toMatch(/^hydrate\|\|\|/);
    expect(result.results[1]?.['file']).toBeNull();
  });

  it('renders synchronously while loading a sample', async () => {
    const result = await harness.run<Result>(`${OPERATION}.perform`, {
      inputData: { designId: productCard, items: [{ data__price: '$1' }] },
      meta: { isLoadingSample: true },
    });
    expect(result).toMatchObject({ total: 1, succeeded: 1 });
  });

  it('asks for at least one row', async () => {
    const caught = await zapierErrorOf(
      harness.run(`${OPERATION}.perform`, { inputData: { designId: productCard, items: [] } }),
    );
    expect(caught.code).toBe('InvalidData');
    expect(caught.message).toContain('items');
  });
});
