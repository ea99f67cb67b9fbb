import { describe, expect, it } from 'vitest';
import { CanveleteError } from '../errors/index.js';
import {
  normalizeBatch,
  normalizeDesign,
  normalizePage,
  normalizeRender,
  normalizeTemplate,
  normalizeUsage,
  normalizeWebhookSubscription,
} from './index.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return CanveleteError.isInstance(error) ? error.code : 'OTHER';
  }
  return undefined;
}

const record = { id: 'r_1', status: 'completed', outputUrl: 'https://cdn.example/r_1.png' };

describe('envelopes', () => {
  it('accepts the wrapped {success, data} and the top-level shape alike', () => {
    expect(normalizeRender({ success: true, data: record })).toEqual(normalizeRender(record));
    expect(normalizeDesign({ data: { id: 'd', name: 'n', width: 1, height: 2 } }).id).toBe('d');
  });
});

describe('render aliases', () => {
  it.each(['outputUrl', 'url', 'downloadUrl', 'imageUrl'])('reads the file URL from %s', (key) => {
    expect(normalizeRender({ id: 'r', status: 'completed', [key]: 'https://x/y.png' }).url).toBe(
      'https://x/y.png',
    );
  });

  it.each(['id', 'jobId', 'renderId'])('reads the id from %s', (key) => {
    expect(normalizeRender({ [key]: 'r_7', status: 'pending' }).id).toBe('r_7');
  });

  it("reads format, size and file size from a webhook delivery's metadata object", () => {
    const render = normalizeRender({
      renderId: 'r_9',
      status: 'completed',
      downloadUrl: 'https://x/r_9.webp',
      metadata: { format: 'WEBP', width: 640, height: 480, fileSize: 1234 },
    });
    expect(render).toMatchObject({
      id: 'r_9',
      format: 'webp',
      width: 640,
      height: 480,
      fileSize: 1234,
    });
    expect(
      normalizeRender({ id: 'r', status: 'completed', width: 10, metadata: { width: 20 } }).width,
    ).toBe(10);
  });

  it('maps queued to pending, keeps the four statuses and refuses unknown ones', () => {
    expect(normalizeRender({ id: 'r', status: 'queued' }).status).toBe('pending');
    expect(normalizeRender({ id: 'r', status: 'PROCESSING' }).status).toBe('processing');
    expect(
      normalizeRender({ id: 'r', status: 'failed', error: { message: 'bad font' } }),
    ).toMatchObject({ status: 'failed', error: 'bad font' });
    expect(codeOf(() => normalizeRender({ id: 'r', status: 'exploded' }))).toBe('INVALID_RESPONSE');
  });

  it('treats a record with a URL and no status (the docs sync form) as completed', () => {
    expect(normalizeRender({ renderId: 'r', imageUrl: 'https://x/a.png' }).status).toBe(
      'completed',
    );
  });

  it('maps jpeg to jpg and drops formats we do not render', () => {
    expect(normalizeRender({ id: 'r', status: 'pending', format: 'JPEG' }).format).toBe('jpg');
    expect(normalizeRender({ id: 'r', status: 'pending', format: 'gif' }).format).toBeUndefined();
  });

  it('reads numbers sent as strings and drops nulls', () => {
    expect(
      normalizeRender({
        id: 5,
        status: 'completed',
        url: 'u',
        fileSize: '2048',
        width: 100,
        error: null,
      }),
    ).toEqual({
      id: '5',
      status: 'completed',
      url: 'u',
      fileSize: 2048,
      width: 100,
    });
  });

  it('refuses a render without any id', () => {
    expect(codeOf(() => normalizeRender({ status: 'pending' }))).toBe('INVALID_RESPONSE');
    expect(codeOf(() => normalizeRender('nope'))).toBe('INVALID_RESPONSE');
  });
});

describe('batch aliases', () => {
  it('reads batchId + jobs (SDK) and id + renders with queued (docs)', () => {
    expect(
      normalizeBatch({ batchId: 'b', jobs: [{ jobId: 'j1', status: 'pending' }], totalJobs: 1 }),
    ).toEqual({
      id: 'b',
      renders: [{ id: 'j1', status: 'pending' }],
      completed: false,
    });
    expect(
      normalizeBatch({
        success: true,
        data: {
          batchId: 'b',
          status: 'processing',
          renders: [{ renderId: 'r', status: 'queued' }],
        },
      }),
    ).toEqual({
      id: 'b',
      renders: [{ id: 'r', status: 'pending' }],
      completed: false,
    });
  });

  it('takes completed from the flag, else from the renders, and fills a missing id', () => {
    expect(normalizeBatch({ jobs: [record], completed: true }, 'b_9')).toMatchObject({
      id: 'b_9',
      completed: true,
    });
    expect(normalizeBatch({ jobs: [record, { id: 'r2', status: 'failed' }] }, 'b').completed).toBe(
      true,
    );
  });
});

describe('design and template aliases', () => {
  it('reads thumbnail as thumbnailUrl and a JSON-string canvasData as an object', () => {
    const design = normalizeDesign({
      id: 'd',
      name: 'n',
      width: 10,
      height: 20,
      status: 'draft',
      thumbnail: 't.png',
      canvasData: '{"elements":[]}',
    });
    expect(design).toEqual({
      id: 'd',
      name: 'n',
      width: 10,
      height: 20,
      status: 'DRAFT',
      isTemplate: false,
      thumbnailUrl: 't.png',
      canvasData: { elements: [] },
    });
  });

  it('reads variables (docs objects or names) and dynamicFields (SDK) alike', () => {
    expect(
      normalizeTemplate({
        id: 't',
        name: 'T',
        width: 1,
        height: 1,
        variables: [{ name: 'photo', type: 'image', default: 'x' }, 'title'],
      }).variables,
    ).toEqual([
      { name: 'photo', type: 'image', default: 'x' },
      { name: 'title', type: 'text' },
    ]);
    const template = normalizeTemplate({
      id: 't',
      name: 'T',
      width: 1,
      height: 1,
      dynamicFields: ['headline'],
      thumbnailUrl: 'u',
      category: 'social',
    });
    expect(template).toMatchObject({
      isTemplate: true,
      category: 'social',
      thumbnailUrl: 'u',
      variables: [{ name: 'headline', type: 'text' }],
    });
  });
});

describe('pages', () => {
  const item = (id: string) => ({ id, name: id, width: 1, height: 1 });

  it('reads {data, pagination}', () => {
    const page = normalizePage(
      {
        success: true,
        data: [item('a')],
        pagination: { page: 2, limit: 1, total: 3, totalPages: 3 },
      },
      normalizeDesign,
    );
    expect(page).toMatchObject({ page: 2, limit: 1, total: 3, totalPages: 3, hasMore: true });
    expect(page.items.map((design) => design.id)).toEqual(['a']);
  });

  it('derives totalPages from total and limit, else takes 1', () => {
    expect(
      normalizePage(
        { data: [item('a')], pagination: { page: 1, limit: 20, total: 45 } },
        normalizeDesign,
      ),
    ).toMatchObject({ totalPages: 3, hasMore: true });
    expect(
      normalizePage({ templates: [item('a')] }, normalizeTemplate, { page: 1, limit: 20 }),
    ).toMatchObject({ page: 1, limit: 20, totalPages: 1, hasMore: false });
  });

  it('reads a bare array, {data: {items, hasMore}} and jobs/renders lists', () => {
    expect(normalizePage([item('a'), item('b')], normalizeDesign).items).toHaveLength(2);
    expect(
      normalizePage(
        { success: true, data: { items: [item('a')], page: 1, limit: 1, hasMore: true } },
        normalizeDesign,
      ),
    ).toMatchObject({ hasMore: true, totalPages: 2 });
    expect(normalizePage({ jobs: [record] }, normalizeRender).items[0]?.id).toBe('r_1');
    expect(normalizePage({ renders: [record] }, normalizeRender).items[0]?.id).toBe('r_1');
  });

  it('refuses a body without a list', () => {
    expect(codeOf(() => normalizePage({ success: true }, normalizeDesign))).toBe(
      'INVALID_RESPONSE',
    );
  });
});

describe('usage and webhook subscriptions', () => {
  it('reads usage stats and the credits form', () => {
    expect(
      normalizeUsage({
        data: {
          creditsUsed: 10,
          creditLimit: 500,
          creditsRemaining: 490,
          renders: 10,
          apiCalls: 40,
        },
      }),
    ).toEqual({
      creditsUsed: 10,
      creditLimit: 500,
      creditsRemaining: 490,
      renders: 10,
      apiCalls: 40,
    });
    expect(normalizeUsage({ credits: { remaining: 90, used: 10, total: 100 } })).toEqual({
      creditsUsed: 10,
      creditLimit: 100,
      creditsRemaining: 90,
    });
    expect(normalizeUsage({ creditsUsed: 5, creditLimit: 50 }).creditsRemaining).toBe(45);
    expect(codeOf(() => normalizeUsage({ plan: 'free' }))).toBe('INVALID_RESPONSE');
  });

  it('reads a subscription with or without its secret', () => {
    expect(
      normalizeWebhookSubscription({
        success: true,
        data: {
          id: 'wh_1',
          url: 'https://h',
          events: ['render.completed'],
          designId: null,
          secret: 's',
          createdAt: 'c',
        },
      }),
    ).toEqual({
      id: 'wh_1',
      url: 'https://h',
      events: ['render.completed'],
      secret: 's',
      createdAt: 'c',
    });
  });
});
