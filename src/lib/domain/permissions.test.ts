import { describe, expect, it } from 'vitest';
import { can, capabilitiesOf, CAPABILITIES, removesLastCoordinator, projectAccess, standingOf } from './permissions';

describe('what each role may do in a project', () => {
	it('lets a viewer read the project and nothing more', () => {
		expect(can('viewer', 'view')).toBe(true);
		expect(can('viewer', 'contribute')).toBe(false);
		expect(can('viewer', 'coordinate')).toBe(false);
	});

	it('lets a contributor record reviews and actions but not edit the project', () => {
		expect(can('contributor', 'view')).toBe(true);
		expect(can('contributor', 'contribute')).toBe(true);
		expect(can('contributor', 'coordinate')).toBe(false);
	});

	it('lets a coordinator do everything in the project', () => {
		for (const capability of CAPABILITIES) expect(can('coordinator', capability)).toBe(true);
	});

	it('lets an instance administrator do everything in every project', () => {
		for (const capability of CAPABILITIES) expect(can('admin', capability)).toBe(true);
		expect(capabilitiesOf('admin')).toEqual(['view', 'contribute', 'coordinate']);
	});

	it('gives someone who is not a member nothing, not even reading', () => {
		for (const capability of CAPABILITIES) expect(can(null, capability)).toBe(false);
		expect(capabilitiesOf(null)).toEqual([]);
	});

	it('ignores a role it does not know rather than granting anything', () => {
		expect(standingOf(false, 'owner' as never)).toBeNull();
		expect(can('owner' as never, 'view')).toBe(false);
	});
});

describe('a person’s standing in a project', () => {
	it('is admin for an instance administrator, member or not', () => {
		expect(standingOf(true, null)).toBe('admin');
		expect(standingOf(true, 'viewer')).toBe('admin');
	});

	it('is the membership role otherwise, or nothing', () => {
		expect(standingOf(false, 'contributor')).toBe('contributor');
		expect(standingOf(false, null)).toBeNull();
		expect(standingOf(false, undefined)).toBeNull();
	});

	it('tells the pages which controls to show', () => {
		expect(projectAccess('viewer')).toEqual({ standing: 'viewer', contribute: false, coordinate: false });
		expect(projectAccess('contributor')).toEqual({ standing: 'contributor', contribute: true, coordinate: false });
		expect(projectAccess('admin')).toEqual({ standing: 'admin', contribute: true, coordinate: true });
	});
});

describe('a project always keeps a coordinator', () => {
	const members = [
		{ userId: 1, role: 'coordinator' as const },
		{ userId: 2, role: 'contributor' as const }
	];

	it('refuses removing or demoting the only coordinator', () => {
		expect(removesLastCoordinator(members, { userId: 1, role: null })).toBe(true);
		expect(removesLastCoordinator(members, { userId: 1, role: 'viewer' })).toBe(true);
	});

	it('allows it once someone else coordinates too', () => {
		const two = [...members, { userId: 3, role: 'coordinator' as const }];
		expect(removesLastCoordinator(two, { userId: 1, role: null })).toBe(false);
		expect(removesLastCoordinator(two, { userId: 1, role: 'contributor' })).toBe(false);
	});

	it('allows changes that leave the coordinator in place, and promoting someone', () => {
		expect(removesLastCoordinator(members, { userId: 2, role: null })).toBe(false);
		expect(removesLastCoordinator(members, { userId: 2, role: 'coordinator' })).toBe(false);
		expect(removesLastCoordinator(members, { userId: 1, role: 'coordinator' })).toBe(false);
	});

	it('lets a project without any coordinator receive and lose other members', () => {
		const none = [{ userId: 5, role: 'viewer' as const }];
		expect(removesLastCoordinator(none, { userId: 6, role: 'viewer' })).toBe(false);
		expect(removesLastCoordinator(none, { userId: 5, role: null })).toBe(false);
	});
});
