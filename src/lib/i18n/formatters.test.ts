import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './formatters';
import { formatDate, formatDateTime, formatNumber, formatPercent, translator } from './index';

describe('formatters', () => {
	it('builds one formatter per locale and option set, and reuses it', () => {
		const a = dateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
		const b = dateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
		expect(b).toBe(a);
		expect(dateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })).not.toBe(a);
		expect(numberFormat('fr-FR', { maximumFractionDigits: 1 })).toBe(numberFormat('fr-FR', { maximumFractionDigits: 1 }));
	});

	it('still formats dates, instants and numbers in each language', () => {
		expect(formatDate('fr', '2026-03-12')).toBe('12 mars 2026');
		expect(formatDate('en', '2026-03-12')).toBe('12 Mar 2026');
		expect(formatDate('fr', '2026-03-12', 'short')).toBe('12/03/2026');
		expect(formatDateTime('en', '2026-03-12T09:30:00Z', 'Europe/Paris')).toBe('12 Mar 2026, 10:30');
		expect(formatNumber('fr', 1234.5, 1)).toBe('1\u202f234,5');
	});

	it('writes a share as a percentage the way each language does: a no-break space before % in French, none in English', () => {
		expect(formatPercent('fr', 0.666)).toMatch(/^67[\u00a0\u202f]%$/);
		expect(formatPercent('en', 0.666)).toBe('67%');
		expect(formatPercent('fr', 0.6666, 1)).toMatch(/^66,7[\u00a0\u202f]%$/);
		expect(formatPercent('en', 0.6666, 1)).toBe('66.7%');
		expect(translator('en', 'UTC').percent(1)).toBe('100%');
	});
});
