import { describe, expect, it } from 'vitest';
import { LANGS, isMessageKey, translate } from '../i18n';
import { fr as alertMessages } from '../i18n/messages/alerts';
import { evaluatePortfolio, evaluateProject, RULE_IDS, type Finding, type ProjectHistory } from './watch-rules';
import { NOW, action, actor, commitment, project, quarterly, review, type Assessed } from './watch-rules.fixtures';

const PASTED =
	'Démarche exemplaire à reproduire : le tiers-lieu numérique de Millau sert de modèle, à diffuser tel quel aux autres territoires.';

/** A project that has slipped into every habit and let everything lapse. */
function neglectedProject(name: string): ProjectHistory {
	const h = project({ name, watchpoints: [1, 2, 3, 4, 5, 6, 7, 8, 9], startDate: '2024-01-08' });
	const engineer = actor(h, 'Paul Diallo', 'technical');
	const deputy = actor(h, 'Léa Roux', 'technical');
	const days = quarterly('2026-05-04', 5);
	days.forEach((day, i) => {
		const assessments: Record<number, Assessed> = {
			1: [3, 'Le comité de pilotage ne s’est pas réuni, la convention attend toujours la signature.'],
			2: [3, 'RAS'],
			9: [3, PASTED]
		};
		// short enough not to count as pasted when two such projects are compared
		for (let w = 3; w <= 8; w++) assessments[w] = [3, `Point ${w} : suivi ${i}.`];
		const r = review(h, day, assessments, [engineer.id, deputy.id]);
		if (i >= 2) action(h, { title: 'Relancer le Département sur la convention', createdInReviewId: r.id, watchpointId: 1, dueOn: '2026-06-30' });
	});
	commitment(h, { actorId: engineer.id, recordedOn: '2026-05-04' });
	return h;
}

function rulesOf(findings: Finding[]) {
	return [...new Set(findings.map((f) => f.rule))].sort();
}

describe('evaluateProject', () => {
	it('runs every rule that needs only the project itself', () => {
		const findings = evaluateProject(neglectedProject('Vallée du Lot'), NOW);
		expect(rulesOf(findings)).toEqual(
			[
				'action_overdue',
				'commitment_not_informed',
				'frozen_rating',
				'lapsed',
				'project_unreviewed',
				'recurring_action',
				'repeated_comment',
				'same_circle',
				'uniform_review'
			].sort()
		);
	});

	it('raises nothing for a paused, closed or archived project', () => {
		for (const change of [{ status: 'paused' as const }, { status: 'closed' as const }, { archived: true }]) {
			const h = neglectedProject('En pause');
			Object.assign(h.project, change);
			expect(evaluateProject(h, NOW)).toEqual([]);
		}
	});

	it('raises nothing for a project reviewed on time with fresh words', () => {
		const h = project({ watchpoints: [1, 2] });
		const mayor = actor(h, 'Claire Martin', 'political');
		const engineer = actor(h, 'Paul Diallo', 'technical');
		review(h, '2026-08-20', { 1: [3, 'Convention signée par les trois intercommunalités.'], 2: [2, 'Les élus découvrent le dossier.'] }, [mayor.id]);
		review(h, '2026-11-10', { 1: [4, 'Premier atelier commun à Figeac, quarante habitants présents.'], 2: [3, 'Les élus ont porté le projet en conseil.'] }, [engineer.id, mayor.id]);
		expect(evaluateProject(h, NOW)).toEqual([]);
	});

	it('gives the same findings for the same history, whatever the order of its reviews', () => {
		const h = neglectedProject('Vallée du Lot');
		const shuffled = { ...h, reviews: [...h.reviews].reverse() };
		expect(evaluateProject(shuffled, NOW)).toEqual(evaluateProject(h, NOW));
	});
});

describe('evaluatePortfolio', () => {
	it('adds the comments pasted across projects to each project’s findings', () => {
		const histories = [neglectedProject('Vallée du Lot'), neglectedProject('Pays de Millau')];
		const findings = evaluatePortfolio(histories, NOW);
		const pasted = findings.filter((f) => f.rule === 'pasted_across_projects');
		const pastedPoint9 = pasted.filter((f) => f.watchpointId === 9);
		expect(pastedPoint9.map((f) => f.projectId).sort()).toEqual(histories.map((h) => h.project.id).sort());
		expect(findings.length).toBe(
			evaluateProject(histories[0], NOW).length + evaluateProject(histories[1], NOW).length + pasted.length
		);
	});

	it('gives every finding a unique rule and subject', () => {
		const findings = evaluatePortfolio([neglectedProject('A'), neglectedProject('B')], NOW);
		const keys = findings.map((f) => `${f.rule} ${f.subjectKey}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('the words of the alerts', () => {
	it('name every rule in both languages', () => {
		for (const rule of RULE_IDS) expect(isMessageKey(`alert.rule.${rule}.name`), rule).toBe(true);
		for (const severity of ['info', 'warning', 'critical']) expect(isMessageKey(`alert.severity.${severity}`)).toBe(true);
	});

	it('fill in every placeholder of every explanation found, in French and in English', () => {
		const findings = evaluatePortfolio([neglectedProject('Vallée du Lot'), neglectedProject('Pays de Millau')], NOW);
		const explained = new Set<string>();
		for (const finding of findings) {
			for (const lang of LANGS) {
				const text = translate(lang, finding.explanation.key, finding.explanation.params);
				expect(text, `${lang} ${finding.explanation.key}`).not.toMatch(/\{\w+\}/);
			}
			explained.add(finding.explanation.key);
		}
		expect(explained.size).toBeGreaterThanOrEqual(RULE_IDS.length);
	});

	it('use the same placeholders in French and in English', () => {
		const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(alertMessages) as (keyof typeof alertMessages)[]) {
			expect(placeholders(translate('en', key)), key).toEqual(placeholders(translate('fr', key)));
		}
	});
});
