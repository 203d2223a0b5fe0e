import { describe, expect, it } from 'vitest';
import { invitationEmail, type InvitationEmailInput } from './invitation-email';

const INPUT: InvitationEmailInput = {
	lang: 'fr',
	inviteeName: 'Karim',
	inviterName: 'Claire Martin',
	projects: [],
	url: 'https://vigie.example.org/invite/TOKEN',
	expiresAt: '2026-12-03T09:00:00.000Z',
	timeZone: 'Europe/Paris'
};

describe('invitation e-mail', () => {
	it('is written in French, then in English below, with the link and its end date in each', () => {
		const { subject, text } = invitationEmail(INPUT);
		expect(subject).toBe('Invitation à rejoindre Vigie');
		const [fr, en] = text.split('— English version below —');
		expect(fr).toContain('Bonjour Karim,');
		expect(fr).toContain('Claire Martin vous invite à rejoindre Vigie');
		expect(fr).toContain('https://vigie.example.org/invite/TOKEN');
		expect(fr).toContain('3 déc. 2026');
		expect(fr).toContain('10:00');
		expect(en).toContain('Hello Karim,');
		expect(en).toContain('Claire Martin invites you to join Vigie');
		expect(en).toContain('https://vigie.example.org/invite/TOKEN');
		expect(en).toContain('3 Dec 2026');
	});

	it('is written in English first when the inviter reads Vigie in English', () => {
		const { subject, text } = invitationEmail({ ...INPUT, lang: 'en', inviteeName: '' });
		expect(subject).toBe('Invitation to join Vigie');
		expect(text.startsWith('Hello,\n')).toBe(true);
		expect(text.indexOf('Version française ci-dessous')).toBeGreaterThan(text.indexOf('Hello,'));
		expect(text).toContain('Bonjour,');
	});

	it('names the project the person is invited to with their role, and an administrator when the inviter is gone', () => {
		const { text } = invitationEmail({ ...INPUT, inviterName: null, projects: [{ name: 'Eau du bassin', role: 'contributor' }] });
		expect(text).toContain('Un administrateur vous invite à rejoindre le projet «\u00a0Eau du bassin\u00a0» dans Vigie');
		expect(text).toContain('Votre rôle : contributeur.');
		expect(text).toContain('An administrator invites you to join the project “Eau du bassin” in Vigie');
		expect(text).toContain('Your role: contributor.');
	});

	it('lists every project the invitation makes the person a member of, each with its role', () => {
		const { text } = invitationEmail({
			...INPUT,
			projects: [
				{ name: 'Eau du bassin', role: 'coordinator' },
				{ name: 'Mobilité solidaire', role: 'viewer' }
			]
		});
		expect(text).toContain('En acceptant, vous deviendrez membre de ces projets :\n– « Eau du bassin » : coordinateur\n– « Mobilité solidaire » : lecteur');
		expect(text).toContain('By accepting, you will become a member of these projects:\n– “Eau du bassin”: coordinator\n– “Mobilité solidaire”: viewer');
	});
});
