import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from './main';

afterEach(() => vi.restoreAllMocks());

describe('vigie <command> --help', () => {
	it.each(['demo', 'scan', 'create-admin', 'bench', 'remind', 'backup', 'restore', 'token', 'import', 'export'])('prints the usage of %s and exits 0', async (command) => {
		const printed = vi.spyOn(console, 'log').mockImplementation(() => {});
		const complained = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(await run([command, '--help'])).toBe(0);
		expect(printed.mock.calls.flat().join('\n')).toContain(`Usage: vigie ${command}`);
		expect(complained).not.toHaveBeenCalled();
	});
});
