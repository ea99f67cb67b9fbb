import { describe, expect, it } from 'vitest';
import {
  idealBucketSeconds,
  median,
  percentile,
  ratio,
  round,
  sum,
  tally,
  withinBand,
} from './stats.js';

describe('percentile (nearest rank)', () => {
  const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];

  it('picks the nearest-rank sample', () => {
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(10);
  });

  it('is NaN without samples and refuses a p outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(samples, 101)).toThrow(RangeError);
  });

  it('does not reorder its input', () => {
    const input = [3, 1, 2];
    percentile(input, 50);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('median, sum, ratio, round', () => {
  it('takes the middle, or the mean of the two middles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('sums', () => {
    expect(sum([1, 2, 3.5])).toBe(6.5);
    expect(sum([])).toBe(0);
  });

  it('divides by the baseline and never reports Infinity', () => {
    expect(ratio(11, 10)).toBeCloseTo(1.1);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });

  it('rounds to the given digits and leaves NaN alone', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.23456, 3)).toBe(1.235);
    expect(round(Number.NaN)).toBeNaN();
  });
});

describe('withinBand', () => {
  it('accepts the edges of the band and refuses outside it', () => {
    expect(withinBand(1.1, 1, 0.1)).toBe(true);
    expect(withinBand(0.9, 1, 0.1)).toBe(true);
    expect(withinBand(1.11, 1, 0.1)).toBe(false);
    expect(withinBand(Number.NaN, 1, 0.1)).toBe(false);
  });
});

describe('idealBucketSeconds', () => {
  it('lets the burst through free and paces the rest at the refill rate', () => {
    expect(idealBucketSeconds(300, 1080, 30)).toBe(15);
    expect(idealBucketSeconds(10, 60, 30)).toBe(0);
  });

  it('refuses a non-positive rate', () => {
    expect(() => idealBucketSeconds(10, 0, 1)).toThrow(RangeError);
  });
});

describe('tally', () => {
  it('counts each key', () => {
    expect(tally(['A', 'B', 'A'])).toEqual({ A: 2, B: 1 });
  });
});
