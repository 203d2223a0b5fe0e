import { describe, expect, it } from 'vitest';
import { accessRedirect, type AccessRequest } from './access';

function request(overrides: Partial<AccessRequest>): AccessRequest {
	return { pathname: '/', search: '', method: 'GET', routeId: '/', signedIn: true, anyUser: () => true, ...overrides };
}

describe('who may open which address', () => {
	it('sends every visitor to the first-run page while no account exists', () => {
		const empty = { signedIn: false, anyUser: () => false };
		expect(accessRedirect(request({ ...empty, pathname: '/', routeId: '/' }))).toBe('/setup');
		expect(accessRedirect(request({ ...empty, pathname: '/login', routeId: '/login' }))).toBe('/setup');
		expect(accessRedirect(request({ ...empty, pathname: '/setup', routeId: '/setup' }))).toBeNull();
		expect(accessRedirect(request({ ...empty, pathname: '/healthz', routeId: '/healthz' }))).toBeNull();
		expect(accessRedirect(request({ ...empty, pathname: '/lang', routeId: '/lang', method: 'POST' }))).toBeNull();
	});

	it('sends a signed-out visitor to the sign-in page, remembering where they were going', () => {
		const out = { signedIn: false };
		expect(accessRedirect(request({ ...out, pathname: '/projects/eau', search: '?tab=1', routeId: '/projects/[slug=slug]' }))).toBe(
			'/login?redirectTo=%2Fprojects%2Feau%3Ftab%3D1'
		);
		// a form post comes back to its page, not to the action's address
		expect(
			accessRedirect(request({ ...out, method: 'POST', pathname: '/projects/new', search: '?/save', routeId: '/projects/new' }))
		).toBe('/login?redirectTo=%2Fprojects%2Fnew');
		expect(accessRedirect(request({ ...out, pathname: '/', routeId: '/' }))).toBe('/login');
	});

	it('lets a signed-out visitor reach the sign-in page, an invitation, and a true 404', () => {
		const out = { signedIn: false };
		expect(accessRedirect(request({ ...out, pathname: '/login', routeId: '/login' }))).toBeNull();
		expect(accessRedirect(request({ ...out, pathname: '/invite/abc', routeId: '/invite/[token]' }))).toBeNull();
		expect(accessRedirect(request({ ...out, pathname: '/nowhere', routeId: null }))).toBeNull();
	});

	it('lets every request to the JSON API through, even before the first account: the API answers 401 itself', () => {
		for (const anyUser of [() => true, () => false]) {
			const out = { signedIn: false, anyUser };
			expect(accessRedirect(request({ ...out, pathname: '/api/v1/projects', routeId: '/api/v1/projects' }))).toBeNull();
			expect(
				accessRedirect(request({ ...out, method: 'POST', pathname: '/api/v1/projects/eau/reviews', routeId: '/api/v1/projects/[slug]/reviews' }))
			).toBeNull();
		}
		// an address that merely starts like it is not the API
		expect(accessRedirect(request({ signedIn: false, pathname: '/apiary', routeId: '/apiary' }))).toBe('/login?redirectTo=%2Fapiary');
	});

	it('sends a signed-in person away from the sign-in and first-run pages', () => {
		expect(accessRedirect(request({ pathname: '/login', routeId: '/login' }))).toBe('/');
		expect(accessRedirect(request({ pathname: '/setup', routeId: '/setup' }))).toBe('/');
		expect(accessRedirect(request({ pathname: '/projects/eau', routeId: '/projects/[slug=slug]' }))).toBeNull();
	});
});
