import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseOptions, readArgs, usageError } from './args';

const SPEC = { flags: ['json'], values: { at: 'a day (2027-03-01)', db: 'a path' } } as const;

describe('parseOptions', () => {
	it('reads flags, and values written after a space or an equals sign', () => {
		expect(parseOptions(['--json', '--at', '2027-03-01', '--db=/tmp/v.db'], SPEC)).toEqual({ json: true, at: '2027-03-01', db: '/tmp/v.db' });
	});

	it('leaves an absent flag false and an absent value undefined', () => {
		expect(parseOptions([], SPEC)).toEqual({ json: false });
	});

	it('says which option lacks its value, and what the value is', () => {
		expect(parseOptions(['--at'], SPEC)).toBe('--at needs a day (2027-03-01)');
		expect(parseOptions(['--db='], SPEC)).toBe('--db needs a path');
	});

	it('refuses an option it does not know, a stray word, and a value given to a flag', () => {
		expect(parseOptions(['--force'], SPEC)).toBe('unknown option: --force');
		expect(parseOptions(['now'], SPEC)).toBe('unknown option: now');
		expect(parseOptions(['--json=no'], SPEC)).toBe('--json takes no value');
	});
});

describe('readArgs', () => {
	let out: string[];
	let err: string[];
	beforeEach(() => {
		out = [];
		err = [];
		vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
		vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.join(' ')));
	});
	afterEach(() => vi.restoreAllMocks());

	const check = (o: { at?: string }) => (o.at === 'never' ? usageError('--at: not a day: never') : { at: o.at ?? null });

	it('prints the usage and exits 0 on --help, wherever it stands', () => {
		expect(readArgs(['--at', '2027-03-01', '--help'], 'Usage: test', SPEC, check)).toEqual({ ok: false, exitCode: 0 });
		expect(readArgs(['-h'], 'Usage: test', SPEC, check)).toEqual({ ok: false, exitCode: 0 });
		expect(out).toEqual(['Usage: test', 'Usage: test']);
		expect(err).toEqual([]);
	});

	it('prints the problem then the usage, and exits 2, on a mistake or a value the command refuses', () => {
		expect(readArgs(['--nope'], 'Usage: test', SPEC, check)).toEqual({ ok: false, exitCode: 2 });
		expect(readArgs(['--at', 'never'], 'Usage: test', SPEC, check)).toEqual({ ok: false, exitCode: 2 });
		expect(err).toEqual(['unknown option: --nope\n\nUsage: test', '--at: not a day: never\n\nUsage: test']);
		expect(out).toEqual([]);
	});

	it('hands over what the command made of its options', () => {
		expect(readArgs(['--at=2027-03-01'], 'Usage: test', SPEC, check)).toEqual({ ok: true, value: { at: '2027-03-01' } });
	});
});
