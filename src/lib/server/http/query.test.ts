import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { queryChoice, queryId, queryPage } from './query';

const url = (search: string) => new URL(`http://vigie.test/alerts${search}`);

function refused(run: () => unknown): number | null {
	try {
		run();
		return null;
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('query parameters that choose what a page shows', () => {
	it('reads a page number written in digits, 1 when absent or empty', () => {
		expect(queryPage(url(''))).toBe(1);
		expect(queryPage(url('?page='))).toBe(1);
		expect(queryPage(url('?page=3'))).toBe(3);
		expect(queryPage(url('?page=%203%20'))).toBe(3);
	});

	it('refuses with a 400 any page number that is not a plain whole number from 1 on', () => {
		for (const bad of ['Infinity', '-Infinity', '1e308', '1e3', '-1', '0', 'NaN', '1.5', '0x10', '99999999999999999999', 'abc', '[]', '%00']) {
			expect(refused(() => queryPage(url(`?page=${bad}`))), bad).toBe(400);
		}
		// the same parameter twice, as an array would be sent
		expect(refused(() => queryPage(url('?page=1&page=2')))).toBe(400);
	});

	it('reads an id, and refuses one that is not a safe whole number', () => {
		expect(queryId(url(''), 'alert')).toBeNull();
		expect(queryId(url('?alert=42'), 'alert')).toBe(42);
		expect(refused(() => queryId(url('?alert=9007199254740993'), 'alert'))).toBe(400);
		expect(refused(() => queryId(url('?alert=-4'), 'alert'))).toBe(400);
	});

	it('reads a filter among its values, and refuses one the page does not know', () => {
		const severities = ['info', 'warning', 'critical'] as const;
		expect(queryChoice(url(''), 'severity', severities)).toBeNull();
		expect(queryChoice(url('?severity=critical'), 'severity', severities)).toBe('critical');
		expect(refused(() => queryChoice(url('?severity=banana'), 'severity', severities))).toBe(400);
		expect(refused(() => queryChoice(url('?severity=constructor'), 'severity', severities))).toBe(400);
	});
});
