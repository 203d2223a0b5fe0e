import { describe, expect, it } from 'vitest';
import { admin, hasBrowser, pathOf, useBrowser } from './helpers';

describe.skipIf(!hasBrowser || !admin)('signing in', () => {
	const b = useBrowser({ signedIn: false });

	it('sends a visitor to the sign-in page, then back to the page they asked for, and signs them out', async () => {
		const { page } = b;
		await page.goto('/projects/new');
		expect(pathOf(page)).toBe('/login');
		expect(await page.getByText('Connectez-vous pour accéder à cette page.').isVisible()).toBe(true);

		await page.getByLabel(/^Adresse e-mail/).fill(admin!.email);
		await page.getByLabel(/^Mot de passe/).fill('pas le bon mot de passe');
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.getByRole('alert').textContent()).toContain('Adresse e-mail ou mot de passe incorrect.');
		// the e-mail stays typed, the password does not
		expect(await page.getByLabel(/^Adresse e-mail/).inputValue()).toBe(admin!.email);

		await page.getByLabel(/^Mot de passe/).fill(admin!.password);
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await page.waitForURL((url) => url.pathname === '/projects/new');
		expect(await page.getByRole('link', { name: `Votre compte : ${admin!.name}` }).isVisible()).toBe(true);

		// this context's own session: signing out leaves the other tests' session alone
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await page.waitForURL((url) => url.pathname === '/login');
		expect(await page.getByRole('status').textContent()).toContain('Votre session est fermée.');
		await page.goto('/projects/new');
		expect(pathOf(page)).toBe('/login');
	});
});
