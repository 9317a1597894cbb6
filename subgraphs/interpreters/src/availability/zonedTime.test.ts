import { describe, expect, it } from 'vitest';
import { availableIntervals } from './availableIntervals.js';
import { isoDayOfWeek, localDateOf, zonedWallTimeToUtc } from './zonedTime.js';

const iso = (ms: number) => new Date(ms).toISOString();

// 2027: North American DST starts Sunday 14 March and ends Sunday 7 November.
describe('zonedWallTimeToUtc across daylight-saving changes', () => {
  it('moves a 09:00 shift one hour earlier in UTC after clocks go forward in New York and Toronto', () => {
    for (const zone of ['America/New_York', 'America/Toronto']) {
      expect(iso(zonedWallTimeToUtc('2027-03-12', '09:00', zone))).toBe('2027-03-12T14:00:00.000Z');
      expect(iso(zonedWallTimeToUtc('2027-03-15', '09:00', zone))).toBe('2027-03-15T13:00:00.000Z');
      expect(iso(zonedWallTimeToUtc('2027-11-08', '09:00', zone))).toBe('2027-11-08T14:00:00.000Z');
    }
  });

  it('keeps Central American zones (no DST) at the same UTC time all year', () => {
    expect(iso(zonedWallTimeToUtc('2027-03-12', '09:00', 'America/Guatemala'))).toBe('2027-03-12T15:00:00.000Z');
    expect(iso(zonedWallTimeToUtc('2027-03-15', '09:00', 'America/Guatemala'))).toBe('2027-03-15T15:00:00.000Z');
    expect(iso(zonedWallTimeToUtc('2027-07-01', '09:00', 'America/Tegucigalpa'))).toBe('2027-07-01T15:00:00.000Z');
  });

  it('moves a wall time skipped by the spring change forward, and takes the earlier of a repeated one', () => {
    // 02:30 does not exist on 14 March in New York: it reads as 03:30 EDT.
    expect(iso(zonedWallTimeToUtc('2027-03-14', '02:30', 'America/New_York'))).toBe('2027-03-14T07:30:00.000Z');
    // 01:30 happens twice on 7 November: first in EDT (UTC-4).
    expect(iso(zonedWallTimeToUtc('2027-11-07', '01:30', 'America/New_York'))).toBe('2027-11-07T05:30:00.000Z');
  });

  it('reads 24:00 as the next midnight and finds local dates and weekdays', () => {
    expect(iso(zonedWallTimeToUtc('2027-03-13', '24:00', 'America/New_York'))).toBe('2027-03-14T05:00:00.000Z');
    expect(localDateOf(Date.parse('2027-03-15T03:00:00Z'), 'America/New_York')).toBe('2027-03-14');
    expect(isoDayOfWeek('2027-03-15')).toBe(1);
    expect(isoDayOfWeek('2027-03-14')).toBe(7);
  });
});

describe('availableIntervals', () => {
  const mondayToFriday = [1, 2, 3, 4, 5].map((dayOfWeek) => ({
    interpreterId: 'x',
    dayOfWeek,
    startsAt: '09:00',
    endsAt: '17:00',
  }));
  const week = { start: Date.parse('2027-03-11T00:00:00Z'), end: Date.parse('2027-03-16T00:00:00Z') };

  it('turns a New York weekly pattern into UTC intervals that shift with DST', () => {
    const intervals = availableIntervals(week, 'America/New_York', mondayToFriday, []).map((i) => [
      iso(i.start),
      iso(i.end),
    ]);
    expect(intervals).toEqual([
      ['2027-03-11T14:00:00.000Z', '2027-03-11T22:00:00.000Z'],
      ['2027-03-12T14:00:00.000Z', '2027-03-12T22:00:00.000Z'],
      ['2027-03-15T13:00:00.000Z', '2027-03-15T21:00:00.000Z'],
    ]);
  });

  it('applies whole-day, timed and extra exceptions on their local dates', () => {
    const exceptions = [
      { id: '1', interpreterId: 'x', date: '2027-03-11', kind: 'UNAVAILABLE' as const, startsAt: null, endsAt: null },
      {
        id: '2',
        interpreterId: 'x',
        date: '2027-03-12',
        kind: 'UNAVAILABLE' as const,
        startsAt: '12:00',
        endsAt: '13:00',
      },
      { id: '3', interpreterId: 'x', date: '2027-03-13', kind: 'EXTRA' as const, startsAt: '10:00', endsAt: '11:00' },
    ];
    const intervals = availableIntervals(week, 'America/Guatemala', mondayToFriday, exceptions).map((i) => [
      iso(i.start),
      iso(i.end),
    ]);
    expect(intervals).toEqual([
      ['2027-03-12T15:00:00.000Z', '2027-03-12T18:00:00.000Z'],
      ['2027-03-12T19:00:00.000Z', '2027-03-12T23:00:00.000Z'],
      ['2027-03-13T16:00:00.000Z', '2027-03-13T17:00:00.000Z'],
      ['2027-03-15T15:00:00.000Z', '2027-03-15T23:00:00.000Z'],
    ]);
  });
});
