import { describe, expect, it } from 'vitest';
import { acceptedLanguage, apiLanguage } from './language';

describe('the language of an API answer', () => {
	it('is the first of French and English the caller accepts, by preference', () => {
		expect(acceptedLanguage('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
		expect(acceptedLanguage('de-DE, fr;q=0.5, en;q=0.7')).toBe('en');
		expect(acceptedLanguage('fr-CA')).toBe('fr');
		expect(acceptedLanguage('en;q=0, fr;q=0.1')).toBe('fr');
	});

	it('falls back on the caller’s own language in Vigie, then French, when the header names neither', () => {
		expect(apiLanguage('de-DE', 'en')).toBe('en');
		expect(apiLanguage(null, 'en')).toBe('en');
		expect(apiLanguage('*', null)).toBe('fr');
	});
});
