import { describe, expect, it } from 'vitest';
import { reminderDigest, type ProjectToRemind } from '../../domain/reminders';
import { dueLabel, projectReminderText, reminderEmail, reminderSubject } from './reminder-email';

const ORIGIN = 'https://vigie.example.org/';

const EAU: ProjectToRemind = {
	id: 3,
	slug: 'eau',
	name: 'Eau du bassin',
	status: 'active',
	archived: false,
	watchpoints: [
		{ trackedId: 1, watchpointId: 11, key: 'enjeux', titleFr: 'Des enjeux partagés', titleEn: 'Shared stakes', status: 'due_soon', dueOn: '2026-11-29', daysUntilDue: 3 },
		{ trackedId: 2, watchpointId: 12, key: 'niveaux', titleFr: 'Les bons niveaux', titleEn: 'The right levels', status: 'lapsed', dueOn: '2026-10-30', daysUntilDue: -27 }
	],
	actions: []
};

const digest = (project: ProjectToRemind = EAU) => reminderDigest([project], '2026-11-26')!;

describe('reminder e-mail', () => {
	it('greets the person, lists each point with its state and date, and links to the review form and the project', () => {
		const { subject, text } = reminderEmail({ lang: 'fr', name: 'Claire', digest: digest(), origin: ORIGIN });
		expect(subject).toBe('Vigie\u00a0: 1 en retard, 1 à revoir bientôt');
		expect(text).toBe(
			[
				'Bonjour Claire,',
				'',
				'Voici ce qui arrive à échéance ou l’a dépassée dans vos projets, au 26 nov. 2026.',
				'',
				'Eau du bassin',
				'- Les bons niveaux — délaissé, échéance le 30 oct. 2026, dépassée de 27 jours',
				'- Des enjeux partagés — bientôt dû, échéance le 29 nov. 2026, dans 3 jours',
				'',
				'Noter une revue\u00a0: https://vigie.example.org/projects/eau/reviews/new',
				'Le projet\u00a0: https://vigie.example.org/projects/eau',
				'',
				'Vous recevez ce rappel parce que vous coordonnez ces projets ou y contribuez. Il revient quand un point arrive à échéance ou prend du retard, et une fois par semaine tant qu’un retard demeure.',
				'',
				'Pour ne plus recevoir ces rappels, décochez la case sur votre compte\u00a0: https://vigie.example.org/account',
				''
			].join('\n')
		);
	});

	it('is written in English for a person who reads Vigie in English', () => {
		const { subject, text } = reminderEmail({ lang: 'en', name: '', digest: digest(), origin: ORIGIN });
		expect(subject).toBe('Vigie: 1 overdue, 1 due soon');
		expect(text.startsWith('Hello,\n')).toBe(true);
		expect(text).toContain('- The right levels — lapsed, due 30 Oct 2026, 27 days late');
	});

	it('lists actions with their owner and links to the project’s actions', () => {
		const withAction: ProjectToRemind = {
			...EAU,
			watchpoints: [],
			actions: [{ id: 5, title: 'Relancer la mairie', owner: 'Karim', dueOn: '2026-11-26', status: 'open' }]
		};
		const { subject, text } = reminderEmail({ lang: 'fr', name: 'Karim', digest: digest(withAction), origin: ORIGIN });
		expect(subject).toBe('Vigie\u00a0: 1 à revoir bientôt');
		expect(text).toContain('- Action «\u00a0Relancer la mairie\u00a0» (Karim) — échéance aujourd’hui');
		expect(text).toContain('Les actions du projet\u00a0: https://vigie.example.org/projects/eau/actions');
		expect(text).not.toContain('Noter une revue');
	});

	it('says only what is not zero in the subject, and days in words', () => {
		expect(reminderSubject('fr', { late: 2, dueSoon: 0 })).toBe('Vigie\u00a0: 2 en retard');
		expect(reminderSubject('en', { late: 0, dueSoon: 4 })).toBe('Vigie: 4 due soon');
		expect(dueLabel('en', { dueOn: '2026-12-01', daysUntilDue: 5 })).toBe('due 1 Dec 2026, in 5 days');
		expect(dueLabel('fr', { dueOn: '2026-11-25', daysUntilDue: -1 })).toBe('échéance le 25 nov. 2026, dépassée de 1 jour');
	});

	it('gives a chat room one line per project with the link', () => {
		expect(projectReminderText('fr', digest().projects[0], ORIGIN)).toBe(
			'Vigie — Eau du bassin\u00a0: 1 en retard, 1 à revoir bientôt. https://vigie.example.org/projects/eau'
		);
	});
});
