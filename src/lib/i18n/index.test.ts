import { describe, expect, it } from 'vitest';
import { formatDateTime, translator } from './index';

// 23:30 UTC on 26 November 2026: 00:30 on the 27th in Paris, 18:30 on the 26th in Montreal
const INSTANT = '2026-11-26T23:30:00Z';

describe('showing an instant', () => {
	it('reads the clock of the time zone it is given, not a fixed one', () => {
		expect(formatDateTime('en', INSTANT, 'Europe/Paris')).toBe('27 Nov 2026, 00:30');
		expect(formatDateTime('en', INSTANT, 'America/Montreal')).toBe('26 Nov 2026, 18:30');
	});

	it('is done by the translator in the instance’s zone', () => {
		expect(translator('fr', 'America/Montreal').dateTime(INSTANT)).toContain('18:30');
		expect(translator('fr', 'Europe/Paris').dateTime(INSTANT)).toContain('00:30');
		// a calendar day has no time zone: the same day whatever the instance's
		expect(translator('en', 'Pacific/Auckland').date('2026-11-26')).toBe('26 Nov 2026');
	});
});

describe('the catalogue', () => {
	// each `en` record is typed with the French keys; the placeholders are only strings, so checked here
	const files = import.meta.glob<{ fr: Record<string, string>; en: Record<string, string> }>('./messages/*.ts', { eager: true });
	const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

	it('gives every English message the same placeholders as its French one', () => {
		const different = Object.values(files).flatMap((m) =>
			Object.keys(m.fr)
				.filter((key) => placeholders(m.fr[key]).join() !== placeholders(m.en[key] ?? '').join())
				.map((key) => `${key}: {${placeholders(m.fr[key]).join('}, {')}} / {${placeholders(m.en[key] ?? '').join('}, {')}}`)
		);
		expect(different).toEqual([]);
	});
});
