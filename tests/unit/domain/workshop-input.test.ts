import { describe, expect, it } from 'vitest';
import {
  formatDate,
  isIsoDate,
  todayIso,
  validateGroupName,
  validateWorkshopInput,
} from '../../../src/domain/workshop-input.ts';

describe('workshop input', () => {
  const good = { name: ' Budget review ', organisation: 'Exampleshire', date: '2026-11-27', facilitator: '' };

  it('trims text and accepts a complete form', () => {
    const { input, errors } = validateWorkshopInput(good);
    expect(errors).toEqual({});
    expect(input.name).toBe('Budget review');
  });

  it('asks for a name and a real date', () => {
    const { errors } = validateWorkshopInput({ ...good, name: '   ', date: '2026-02-30' });
    expect(errors.name).toBe('Enter a name for the workshop');
    expect(errors.date).toMatch(/real date/);
  });

  it('refuses implausible years, such as a date field turning 2026 into 0027', () => {
    expect(validateWorkshopInput({ ...good, date: '0027-12-11' }).errors.date).toBe(
      'The date must be between the years 2000 and 2100',
    );
    expect(validateWorkshopInput({ ...good, date: '2100-12-31' }).errors.date).toBeUndefined();
  });

  it('limits lengths', () => {
    const { errors } = validateWorkshopInput({ ...good, name: 'x'.repeat(201), organisation: 'y'.repeat(201) });
    expect(errors.name).toMatch(/200 characters/);
    expect(errors.organisation).toMatch(/200 characters/);
  });

  it('checks dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('27/11/2026')).toBe(false);
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(formatDate('2026-11-27')).toBe('27 November 2026');
  });

  it('refuses empty and duplicate group names, ignoring case', () => {
    expect(validateGroupName('  ').error).toBe('Enter a name for the group');
    expect(validateGroupName('blue', ['Blue']).error).toBe('There is already a group called “blue”');
    expect(validateGroupName(' Green ', ['Blue'])).toEqual({ name: 'Green' });
  });
});
