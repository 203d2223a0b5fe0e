import { describe, expect, it } from 'vitest';
import { defaultChoices, digestDueOn, parseChoicesForm } from './notification-preferences';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

describe('notification choices', () => {
	it('gives coordinators and contributors the daily digest and critical alerts at once, and viewers nothing', () => {
		expect(defaultChoices('coordinator')).toEqual({ digest: 'daily', immediate: true });
		expect(defaultChoices('contributor')).toEqual({ digest: 'daily', immediate: true });
		expect(defaultChoices('viewer')).toEqual({ digest: 'off', immediate: false });
	});

	it('sends a daily digest every day, a weekly one on Mondays only, and never one that is off', () => {
		expect(digestDueOn('daily', '2026-11-29')).toBe(true);
		expect(digestDueOn('weekly', '2026-11-30')).toBe(true); // a Monday
		expect(digestDueOn('weekly', '2026-12-01')).toBe(false);
		expect(digestDueOn('off', '2026-11-30')).toBe(false);
	});

	it('reads each project of the form, keeps those it does not name, and refuses an unknown frequency next to its field', () => {
		const ok = parseChoicesForm(form({ 'digest-3': 'weekly', 'immediate-3': 'on', 'digest-4': 'off' }), [3, 4, 5]);
		expect(ok.ok && [...ok.choices]).toEqual([
			[3, { digest: 'weekly', immediate: true }],
			[4, { digest: 'off', immediate: false }]
		]);
		const refused = parseChoicesForm(form({ 'digest-3': 'hourly' }), [3]);
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.errors['digest-3']).toEqual({ key: 'error.invalid_choice' });
	});
});
