import { describe, expect, it } from 'vitest';
import {
	frozenRatingFindings,
	pastedAcrossProjectsFindings,
	recurringActionFindings,
	repeatedCommentFindings,
	sameCircleFindings,
	uniformReviewFindings
} from './habits';
import { DEFAULT_WATCH_CONFIG } from './watch-config';
import { projectContext } from './watch-rules-context';
import { NOW, action, actor, project, quarterly, review, type Assessed } from './watch-rules.fixtures';
import type { ProjectHistory } from './watch-rules-types';

/** One watch-point (id 1) reviewed quarterly up to 2026-11-02, with these comments. */
function commentedProject(comments: Assessed[]): ProjectHistory {
	const h = project({ watchpoints: [1] });
	quarterly('2026-11-02', comments.length).forEach((day, i) => review(h, day, { 1: comments[i] }));
	return h;
}

const COPIL =
	'Le comité de pilotage s’est réuni le 14 mars : plan d’actions validé, la convention attend toujours la signature du Département.';
const COPIL_TOUCHED_UP =
	'Le comité de pilotage s’est réuni le 14 mars. Plan d’actions validé ; la convention attend toujours la signature du Département !';
const COPIL_NEWS =
	'Le comité de pilotage du 14 mars a été reporté : le Département se retire du financement, la convention est à revoir.';

describe('repeated comment', () => {
	it('flags a near-copy of the previous comment, as information', () => {
		const h = commentedProject([
			[2, 'Premier état des lieux partagé avec les partenaires.'],
			[2, COPIL],
			[2, COPIL_TOUCHED_UP]
		]);
		const [finding, ...rest] = repeatedCommentFindings(h, NOW);
		expect(rest).toEqual([]);
		expect(finding).toMatchObject({
			rule: 'repeated_comment',
			subjectKey: `watchpoint:1:project:${h.project.id}`,
			watchpointId: 1,
			severity: 'info',
			explanation: {
				key: 'alert.rule.repeated_comment.explanation',
				params: { date: '2026-11-02', previousDate: '2026-08-02', firstDate: '2026-08-02', count: 2 }
			},
			evidence: { reviewIds: h.reviews.slice(1).map((r) => r.id) }
		});
		expect(finding.explanation.params.similarity).toBeGreaterThanOrEqual(85);
	});

	it('grows to a warning at three repeats and to critical at five', () => {
		const three = repeatedCommentFindings(commentedProject([[2, COPIL_NEWS], [2, COPIL], [2, COPIL], [2, COPIL_TOUCHED_UP]]), NOW)[0];
		expect(three.severity).toBe('warning');
		expect(three.explanation).toMatchObject({
			key: 'alert.rule.repeated_comment.explanation_run',
			params: { count: 3, firstDate: '2026-05-02' }
		});

		const five = repeatedCommentFindings(commentedProject(Array.from({ length: 5 }, () => [3, COPIL] as Assessed)), NOW)[0];
		expect(five.severity).toBe('critical');
		expect(five.explanation.params.count).toBe(5);
	});

	it('treats different formulas in a row as a repetition', () => {
		const [finding] = repeatedCommentFindings(commentedProject([[3, COPIL], [3, 'RAS'], [3, 'Rien à signaler.']]), NOW);
		expect(finding.explanation).toEqual({
			key: 'alert.rule.repeated_comment.explanation_formulaic',
			params: {
				date: '2026-11-02',
				previousDate: '2026-08-02',
				firstDate: '2026-08-02',
				count: 2,
				comment: 'Rien à signaler.'
			}
		});
	});

	it('says so when ratings come with no comment at all', () => {
		const [finding] = repeatedCommentFindings(commentedProject([[3, ''], [3, '  ']]), NOW);
		expect(finding.explanation.key).toBe('alert.rule.repeated_comment.explanation_empty');
	});

	it('does not fire on a new comment about the same committee', () => {
		expect(repeatedCommentFindings(commentedProject([[2, COPIL], [2, COPIL], [2, COPIL_NEWS]]), NOW)).toEqual([]);
	});

	it('does not fire on a real comment after a formula', () => {
		expect(repeatedCommentFindings(commentedProject([[2, 'RAS'], [2, COPIL_NEWS]]), NOW)).toEqual([]);
	});

	it('compares with the last review that assessed the point, skipping the ones that did not', () => {
		const h = commentedProject([[2, COPIL]]);
		review(h, '2026-09-15', { 2: [3, 'Un autre point.'] });
		review(h, '2026-10-10', { 1: [null, ''] });
		review(h, '2026-11-20', { 1: [2, COPIL_TOUCHED_UP] });
		const [finding] = repeatedCommentFindings(h, NOW);
		expect(finding.explanation.params).toMatchObject({ date: '2026-11-20', previousDate: '2026-11-02' });
	});

	it('follows the configured threshold', () => {
		// the same comment, one detail dropped: alike, not identical
		const h = commentedProject([[2, COPIL], [2, COPIL.replace(' du Département', '')]]);
		expect(repeatedCommentFindings(h, NOW)).toHaveLength(1);
		expect(repeatedCommentFindings(h, NOW, { ...DEFAULT_WATCH_CONFIG, similarityThreshold: 0.99 })).toEqual([]);
	});

	it('raises nothing for a snoozed watch-point or a closed project', () => {
		const snoozed = commentedProject([[2, COPIL], [2, COPIL]]);
		snoozed.tracked[0].snoozedUntil = '2027-01-01';
		expect(repeatedCommentFindings(snoozed, NOW)).toEqual([]);
		const closed = commentedProject([[2, COPIL], [2, COPIL]]);
		closed.project.status = 'closed';
		expect(repeatedCommentFindings(closed, NOW)).toEqual([]);
	});
});

describe('frozen rating', () => {
	it('flags the same rating four reviews running while the comments say nothing new', () => {
		const h = commentedProject([
			[3, 'Bonne dynamique.'],
			[2, COPIL],
			[2, COPIL_TOUCHED_UP],
			[2, 'idem'],
			[2, 'RAS']
		]);
		const [finding] = frozenRatingFindings(h, NOW);
		expect(finding).toMatchObject({
			rule: 'frozen_rating',
			subjectKey: `watchpoint:1:project:${h.project.id}`,
			severity: 'warning',
			explanation: {
				key: 'alert.rule.frozen_rating.explanation',
				params: { rating: 2, count: 4, firstDate: '2026-02-02', date: '2026-11-02' }
			},
			evidence: { reviewIds: h.reviews.slice(1).map((r) => r.id) }
		});
	});

	it('needs four reviews: three are not enough', () => {
		expect(frozenRatingFindings(commentedProject([[3, 'A'], [2, COPIL], [2, COPIL], [2, 'RAS']]), NOW)).toEqual([]);
	});

	it('does not fire when a steady rating is explained afresh each time', () => {
		const h = commentedProject([
			[4, 'Les trois intercommunalités ont signé la convention en janvier.'],
			[4, 'Le premier atelier commun a réuni quarante habitants à Figeac.'],
			[4, 'Le budget 2026 est voté, avec une part égale de chaque partenaire.'],
			[4, 'La nouvelle cheffe de projet a pris ses fonctions et rencontré chaque maire.']
		]);
		expect(frozenRatingFindings(h, NOW)).toEqual([]);
	});

	it('stops the run at a changed rating', () => {
		expect(frozenRatingFindings(commentedProject([[2, COPIL], [3, COPIL], [3, COPIL], [3, COPIL]]), NOW)).toEqual([]);
	});

	it('ignores a watch-point whose latest assessment has no rating', () => {
		expect(frozenRatingFindings(commentedProject([[2, 'RAS'], [2, 'RAS'], [2, 'RAS'], [null, 'Pas noté']]), NOW)).toEqual([]);
	});
});

describe('uniform review', () => {
	function reviewOf(ratings: (1 | 2 | 3 | 4 | null)[]): ProjectHistory {
		const ids = ratings.map((_, i) => i + 1);
		const h = project({ watchpoints: ids });
		review(h, '2026-11-02', Object.fromEntries(ids.map((id, i) => [id, [ratings[i], 'Commentaire.'] as Assessed])));
		return h;
	}

	it('flags a review giving the same rating to 90 % of ten watch-points', () => {
		const h = reviewOf([3, 3, 3, 3, 3, 3, 3, 3, 3, 2]);
		expect(uniformReviewFindings(h, NOW)).toEqual([
			{
				rule: 'uniform_review',
				subjectKey: `review:${h.reviews[0].id}`,
				projectId: h.project.id,
				watchpointId: null,
				severity: 'warning',
				explanation: {
					key: 'alert.rule.uniform_review.explanation',
					params: { date: '2026-11-02', rating: 3, count: 9, total: 10, percent: 90 }
				},
				evidence: { reviewIds: [h.reviews[0].id] }
			}
		]);
	});

	it('does not fire at 80 %, nor on fewer than eight rated watch-points', () => {
		expect(uniformReviewFindings(reviewOf([3, 3, 3, 3, 3, 3, 3, 3, 2, 2]), NOW)).toEqual([]);
		expect(uniformReviewFindings(reviewOf([3, 3, 3, 3, 3, 3, 3, null, null]), NOW)).toEqual([]);
	});

	it('only looks at the latest review', () => {
		const h = reviewOf([3, 3, 3, 3, 3, 3, 3, 3]);
		review(h, '2026-11-20', { 1: [1, 'A'], 2: [2, 'B'], 3: [3, 'C'], 4: [4, 'D'], 5: [2, 'E'], 6: [3, 'F'], 7: [1, 'G'], 8: [4, 'H'] });
		expect(uniformReviewFindings(h, NOW)).toEqual([]);
	});
});

describe('recurring action', () => {
	function withReviews(count: number): ProjectHistory {
		const h = project({ watchpoints: [1] });
		quarterly('2026-11-02', count).forEach((day) => review(h, day, { 1: [2, 'Convention en attente.'] }));
		return h;
	}

	it('flags an action re-created in three reviews and never done', () => {
		const h = withReviews(3);
		const [a, b, c] = h.reviews;
		const first = action(h, { title: 'Relancer la Région pour la signature de la convention', status: 'dropped', createdInReviewId: a.id, watchpointId: 1 });
		action(h, { title: 'Relancer la Région sur la signature de la convention', status: 'dropped', createdInReviewId: b.id, watchpointId: 1 });
		action(h, { title: 'Relancer la région pour signature de la convention !', createdInReviewId: c.id, watchpointId: 1 });
		expect(recurringActionFindings(h, NOW)).toEqual([
			{
				rule: 'recurring_action',
				subjectKey: `action:${first.id}`,
				projectId: h.project.id,
				watchpointId: 1,
				severity: 'warning',
				explanation: {
					key: 'alert.rule.recurring_action.explanation',
					params: {
						title: 'Relancer la région pour signature de la convention !',
						count: 3,
						firstDate: '2026-05-02',
						date: '2026-11-02'
					}
				},
				evidence: { reviewIds: [a.id, b.id, c.id] }
			}
		]);
	});

	it('does not fire once one of them was done, or when none is still open', () => {
		const done = withReviews(3);
		done.reviews.forEach((r, i) =>
			action(done, { title: 'Relancer la Région sur la convention', status: i === 1 ? 'done' : 'open', createdInReviewId: r.id, watchpointId: 1 })
		);
		expect(recurringActionFindings(done, NOW)).toEqual([]);

		const dropped = withReviews(3);
		dropped.reviews.forEach((r) =>
			action(dropped, { title: 'Relancer la Région sur la convention', status: 'dropped', createdInReviewId: r.id, watchpointId: 1 })
		);
		expect(recurringActionFindings(dropped, NOW)).toEqual([]);
	});

	it('needs three different reviews and similar titles', () => {
		const twice = withReviews(2);
		twice.reviews.forEach((r) => {
			action(twice, { title: 'Relancer la Région sur la convention', createdInReviewId: r.id, watchpointId: 1 });
			action(twice, { title: 'Relancer la Région sur la convention', createdInReviewId: r.id, watchpointId: 1 });
		});
		expect(recurringActionFindings(twice, NOW)).toEqual([]);

		const different = withReviews(3);
		['Relancer la Région sur la convention', 'Organiser un atelier avec les habitants', 'Mettre à jour la cartographie des acteurs'].forEach(
			(title, i) => action(different, { title, createdInReviewId: different.reviews[i].id, watchpointId: 1 })
		);
		expect(recurringActionFindings(different, NOW)).toEqual([]);
	});
});

describe('same circle', () => {
	it('notes the same people at the last four reviews, as information', () => {
		const h = project();
		const mayor = actor(h, 'Claire Martin', 'political');
		const engineer = actor(h, 'Paul Diallo', 'technical');
		quarterly('2026-11-02', 5).forEach((day, i) =>
			review(h, day, { 1: [3, 'Suivi.'] }, i === 0 ? [engineer.id] : [mayor.id, engineer.id])
		);
		expect(sameCircleFindings(h, NOW)).toEqual([
			{
				rule: 'same_circle',
				subjectKey: `project:${h.project.id}`,
				projectId: h.project.id,
				watchpointId: null,
				severity: 'info',
				explanation: {
					key: 'alert.rule.same_circle.explanation_same_people',
					params: { count: 4, firstDate: '2026-02-02', date: '2026-11-02', people: 'Claire Martin, Paul Diallo', total: 2 }
				},
				evidence: { reviewIds: h.reviews.slice(1).map((r) => r.id) }
			}
		]);
	});

	it('warns when only one level of actors took part, even with different people', () => {
		const h = project();
		const staff = ['Ana', 'Bruno', 'Chloé', 'Driss'].map((name) => actor(h, name, 'technical'));
		quarterly('2026-11-02', 4).forEach((day, i) => review(h, day, { 1: [3, 'Suivi.'] }, [staff[i].id, staff[(i + 1) % 4].id]));
		const [finding] = sameCircleFindings(h, NOW);
		expect(finding.severity).toBe('warning');
		expect(finding.explanation.key).toBe('alert.rule.same_circle.explanation_level_technical');
	});

	it('does not fire on varied circles, on three reviews, or when participants were not recorded', () => {
		const varied = project();
		const people = [actor(varied, 'Claire', 'political'), actor(varied, 'Paul', 'technical'), actor(varied, 'Inès', 'operational')];
		quarterly('2026-11-02', 4).forEach((day, i) => review(varied, day, { 1: [3, 'Suivi.'] }, [people[i % 3].id, people[(i + 1) % 3].id]));
		expect(sameCircleFindings(varied, NOW)).toEqual([]);

		const short = project();
		const a = actor(short, 'Claire', 'political');
		quarterly('2026-11-02', 3).forEach((day) => review(short, day, { 1: [3, 'Suivi.'] }, [a.id]));
		expect(sameCircleFindings(short, NOW)).toEqual([]);

		const unrecorded = project();
		const b = actor(unrecorded, 'Claire', 'political');
		quarterly('2026-11-02', 4).forEach((day, i) => review(unrecorded, day, { 1: [3, 'Suivi.'] }, i === 2 ? [] : [b.id]));
		expect(sameCircleFindings(unrecorded, NOW)).toEqual([]);
	});
});

describe('comment pasted across projects', () => {
	const PASTED =
		'Démarche exemplaire à reproduire : le jardin partagé de Figeac sert de modèle, à diffuser tel quel aux autres territoires du réseau.';

	function portfolio(...histories: ProjectHistory[]) {
		return pastedAcrossProjectsFindings(histories.map((h) => projectContext(h, NOW)), DEFAULT_WATCH_CONFIG);
	}

	it('flags the same latest comment in two projects, in each of them', () => {
		const figeac = project({ name: 'Figeac en transition' });
		const nerac = project({ name: 'Pays de Nérac' });
		const a = review(figeac, '2026-10-01', { 2: [3, PASTED] });
		const b = review(nerac, '2026-11-02', { 3: [3, PASTED.replace(' : ', ', ').toUpperCase()] });
		const findings = portfolio(figeac, nerac);
		expect(findings).toHaveLength(2);
		const inNerac = findings.find((f) => f.projectId === nerac.project.id);
		expect(inNerac).toMatchObject({
			rule: 'pasted_across_projects',
			watchpointId: 3,
			severity: 'warning',
			explanation: {
				key: 'alert.rule.pasted_across_projects.explanation',
				params: { date: '2026-11-02', projects: 'Figeac en transition', count: 1, similarity: 100 }
			},
			evidence: { reviewIds: [b.id, a.id], projects: [{ id: figeac.project.id, name: 'Figeac en transition' }] }
		});
		expect(inNerac?.subjectKey).toMatch(new RegExp(`^comment:[0-9a-f]+:watchpoint:3:project:${nerac.project.id}$`));
	});

	it('finds near copies across projects, not only exact ones', () => {
		const one = project();
		const two = project();
		review(one, '2026-10-01', { 1: [3, PASTED] });
		review(two, '2026-10-01', { 1: [3, PASTED.replace('Figeac', 'Nérac')] });
		const findings = portfolio(one, two);
		expect(findings).toHaveLength(2);
		expect(findings[0].explanation.params.similarity).toBeGreaterThanOrEqual(85);
	});

	it('ignores short comments, formulas, older comments and copies within one project', () => {
		const one = project();
		const two = project();
		review(one, '2026-09-01', { 1: [3, PASTED], 2: [3, 'Comité reporté.'], 3: [3, 'RAS'] });
		review(two, '2026-09-01', { 2: [3, 'Comité reporté.'], 3: [3, 'RAS'] });
		review(one, '2026-10-01', { 1: [3, 'Le jardin partagé accueille désormais les écoles le mercredi.'] });
		review(two, '2026-10-01', { 1: [3, PASTED] });
		expect(portfolio(one, two)).toEqual([]);

		const alone = project();
		review(alone, '2026-10-01', { 1: [3, PASTED], 2: [3, PASTED] });
		expect(portfolio(alone)).toEqual([]);
	});

	it('leaves out paused projects', () => {
		const active = project();
		const paused = project({ status: 'paused' });
		review(active, '2026-10-01', { 1: [3, PASTED] });
		review(paused, '2026-10-01', { 1: [3, PASTED] });
		expect(portfolio(active, paused)).toEqual([]);
	});

	it('names every other project that holds the comment', () => {
		const projects = ['Figeac', 'Nérac', 'Millau'].map((name) => project({ name }));
		for (const p of projects) review(p, '2026-10-01', { 1: [3, PASTED] });
		const inFigeac = portfolio(...projects).find((f) => f.projectId === projects[0].project.id);
		expect(inFigeac?.explanation.params).toMatchObject({ projects: 'Nérac, Millau', count: 2 });
	});

	it('keeps the other projects by id, so that a name with a comma or a name two projects share stays one project', () => {
		const projects = ['Eau, assainissement', 'Eau', 'Eau'].map((name) => project({ name }));
		for (const p of projects) review(p, '2026-10-01', { 1: [3, PASTED] });
		const inFirst = portfolio(...projects).find((f) => f.projectId === projects[0].project.id);
		expect(inFirst?.evidence.projects).toEqual([
			{ id: projects[1].project.id, name: 'Eau' },
			{ id: projects[2].project.id, name: 'Eau' }
		]);
		const inSecond = portfolio(...projects).find((f) => f.projectId === projects[1].project.id);
		expect(inSecond?.evidence.projects?.map((p) => p.id)).toEqual([projects[0].project.id, projects[2].project.id]);
		expect(inSecond?.explanation.params.count).toBe(2);
	});
});
