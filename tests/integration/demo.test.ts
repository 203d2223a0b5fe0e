import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { run } from '../../src/cli/demo';
import { addDays, daysBetween } from '../../src/lib/domain/dates';
import { textSimilarity } from '../../src/lib/domain/similarity';
import type { Db } from '../../src/lib/server/db';
import {
	action,
	actor,
	alert,
	assessment,
	commitment,
	project,
	review,
	reviewParticipant,
	trackedWatchpoint,
	watchpoint
} from '../../src/lib/server/db/schema';
import { DemoRefusedError, loadDemo } from '../../src/lib/server/demo';
import { runScan } from '../../src/lib/server/watch-job';
import { createTempDb, NOW, type TempDb } from '../helpers/db';

const ANCHOR = '2026-11-26';
/** eighteen months, counted short */
const EIGHTEEN_MONTHS = 547;

interface AssessedOn {
	heldOn: string;
	reviewId: number;
	rating: number | null;
	comment: string;
}

interface TrackedHistory {
	projectId: number;
	slug: string;
	projectStatus: string;
	projectStart: string;
	key: string;
	cadence: number;
	grace: number;
	snoozedUntil: string | null;
	assessments: AssessedOn[];
}

/** Every tracked watch-point of every project with its assessments, oldest first. */
function trackedHistories(db: Db): TrackedHistory[] {
	const rows = db
		.select({
			projectId: project.id,
			slug: project.slug,
			projectStatus: project.status,
			projectStart: project.startDate,
			defaultCadence: project.defaultCadenceDays,
			defaultGrace: project.defaultGraceDays,
			watchpointId: watchpoint.id,
			key: watchpoint.key,
			cadence: trackedWatchpoint.cadenceDays,
			grace: trackedWatchpoint.graceDays,
			snoozedUntil: trackedWatchpoint.snoozedUntil
		})
		.from(trackedWatchpoint)
		.innerJoin(project, eq(project.id, trackedWatchpoint.projectId))
		.innerJoin(watchpoint, eq(watchpoint.id, trackedWatchpoint.watchpointId))
		.all();
	const assessed = db
		.select({
			projectId: review.projectId,
			watchpointId: assessment.watchpointId,
			heldOn: review.heldOn,
			reviewId: review.id,
			rating: assessment.rating,
			comment: assessment.comment
		})
		.from(assessment)
		.innerJoin(review, eq(review.id, assessment.reviewId))
		.orderBy(asc(review.heldOn))
		.all();
	return rows.map((r) => ({
		projectId: r.projectId,
		slug: r.slug,
		projectStatus: r.projectStatus,
		projectStart: r.projectStart,
		key: r.key,
		cadence: r.cadence ?? r.defaultCadence,
		grace: r.grace ?? r.defaultGrace,
		snoozedUntil: r.snoozedUntil,
		assessments: assessed.filter((a) => a.projectId === r.projectId && a.watchpointId === r.watchpointId)
	}));
}

function watched(t: TrackedHistory): boolean {
	return t.projectStatus === 'active' && !(t.snoozedUntil && t.snoozedUntil > ANCHOR);
}

/** The longest run of equal consecutive ratings. */
function longestRun(ratings: (number | null)[]): number {
	let best = 0;
	let run = 0;
	ratings.forEach((r, i) => {
		run = i > 0 && r === ratings[i - 1] ? run + 1 : 1;
		best = Math.max(best, run);
	});
	return best;
}

/** Case, accents, punctuation and spacing set aside. */
function plain(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

const FORMULAS = new Set(['ras', 'r a s', 'idem', 'rien de nouveau', 'rien a signaler', 'voir precedent']);

function projectCount(db: Db): number {
	return db.select({ n: count() }).from(project).get()?.n ?? 0;
}

describe('loading the demo into a database', () => {
	let tmp: TempDb;
	beforeEach(() => {
		tmp = createTempDb();
	});
	afterEach(() => tmp.close());

	it('creates four projects whose reviews span eighteen months up to the anchor day', () => {
		const summary = loadDemo(tmp.db, { today: ANCHOR });

		expect(summary.projects).toBe(4);
		expect(projectCount(tmp.db)).toBe(4);
		const reviews = tmp.db.select().from(review).all();
		expect(summary.reviews).toBe(reviews.length);
		expect(summary.assessments).toBe(tmp.db.select({ n: count() }).from(assessment).get()?.n);
		expect(summary.actions).toBe(tmp.db.select({ n: count() }).from(action).get()?.n);
		const days = reviews.map((r) => r.heldOn).sort();
		expect(daysBetween(days[0], ANCHOR)).toBeGreaterThanOrEqual(EIGHTEEN_MONTHS);
		expect(days[days.length - 1] <= ANCHOR).toBe(true);
		// every project has a history, with people of several levels behind it
		for (const p of tmp.db.select().from(project).all()) {
			expect(reviews.filter((r) => r.projectId === p.id).length).toBeGreaterThanOrEqual(6);
			const levels = new Set(tmp.db.select().from(actor).where(eq(actor.projectId, p.id)).all().map((a) => a.level));
			expect(levels.size).toBeGreaterThanOrEqual(3);
		}
	});

	it('dates everything from the anchor day, so the demo always looks current', () => {
		loadDemo(tmp.db, { today: '2027-06-30' });

		const days = tmp.db.select().from(review).all().map((r) => r.heldOn).sort();
		expect(daysBetween(days[0], '2027-06-30')).toBeGreaterThanOrEqual(EIGHTEEN_MONTHS);
		expect(daysBetween(days[days.length - 1], '2027-06-30')).toBeLessThan(60);
		expect(days[days.length - 1] <= '2027-06-30').toBe(true);
	});

	it('gives the same data on every run for the same day', () => {
		loadDemo(tmp.db, { today: ANCHOR });
		const other = createTempDb();
		try {
			loadDemo(other.db, { today: ANCHOR });
			const comments = (db: Db) => db.select({ c: assessment.comment, r: assessment.rating }).from(assessment).orderBy(asc(assessment.id)).all();
			expect(comments(other.db)).toEqual(comments(tmp.db));
		} finally {
			other.close();
		}
	});

	it('refuses a database that already has a project, and leaves it unchanged', () => {
		tmp.db.insert(project).values({ slug: 'mon-projet', name: 'Mon projet', startDate: '2026-01-05' }).run();

		expect(() => loadDemo(tmp.db, { today: ANCHOR })).toThrow(DemoRefusedError);
		expect(tmp.db.select({ slug: project.slug }).from(project).all()).toEqual([{ slug: 'mon-projet' }]);
		expect(tmp.db.select({ n: count() }).from(review).get()?.n).toBe(0);
		expect(tmp.db.select({ n: count() }).from(actor).get()?.n).toBe(0);
	});

	it('with force, replaces every project by the demo and keeps the watch-points', () => {
		loadDemo(tmp.db, { today: ANCHOR });
		tmp.db.insert(project).values({ slug: 'mon-projet', name: 'Mon projet', startDate: '2026-01-05' }).run();
		const watchpoints = tmp.db.select().from(watchpoint).all();

		const summary = loadDemo(tmp.db, { today: ANCHOR, force: true });

		expect(summary.projects).toBe(4);
		const slugs = tmp.db.select({ slug: project.slug }).from(project).all().map((p) => p.slug);
		expect(slugs).toHaveLength(4);
		expect(slugs).not.toContain('mon-projet');
		expect(tmp.db.select({ n: count() }).from(review).get()?.n).toBe(summary.reviews);
		expect(tmp.db.select().from(watchpoint).all()).toEqual(watchpoints);
	});
});

describe('the situations the watch job looks for, planted in the demo', () => {
	let tmp: TempDb;
	let tracked: TrackedHistory[];
	beforeAll(() => {
		tmp = createTempDb();
		loadDemo(tmp.db, { today: ANCHOR });
		tracked = trackedHistories(tmp.db);
	});
	afterAll(() => tmp.close());

	it('every project tracks every watch-point of the framework', () => {
		const framework = tmp.db.select({ n: count() }).from(watchpoint).get()?.n ?? 0;
		for (const p of tmp.db.select().from(project).all()) {
			expect(tracked.filter((t) => t.projectId === p.id)).toHaveLength(framework);
		}
	});

	it('has a project paused, and projects reviewed every 60 and every 90 days', () => {
		const projects = tmp.db.select().from(project).all();
		expect(projects.map((p) => p.status)).toContain('paused');
		expect(projects.map((p) => p.defaultCadenceDays)).toEqual(expect.arrayContaining([60, 90]));
	});

	it('has a watch-point never assessed, in an active project', () => {
		expect(tracked.some((t) => watched(t) && t.assessments.length === 0)).toBe(true);
	});

	it('has watch-points lapsed (past due and grace), overdue within grace, and due soon', () => {
		const dueIn = (t: TrackedHistory) =>
			daysBetween(ANCHOR, addDays(t.assessments.at(-1)?.heldOn ?? t.projectStart, t.cadence));
		const active = tracked.filter(watched);
		expect(active.some((t) => t.assessments.length > 0 && -dueIn(t) > t.grace)).toBe(true);
		expect(active.some((t) => dueIn(t) < 0 && -dueIn(t) <= t.grace)).toBe(true);
		expect(active.some((t) => dueIn(t) >= 0 && dueIn(t) <= 7)).toBe(true);
	});

	it('has a rating frozen on four consecutive reviews or more', () => {
		expect(tracked.some((t) => longestRun(t.assessments.map((a) => a.rating)) >= 4)).toBe(true);
	});

	it('has a formulaic comment ("RAS", "idem"…) repeated review after review', () => {
		const repeated = tracked.filter((t) => {
			const last = t.assessments.slice(-2).map((a) => plain(a.comment));
			return last.length === 2 && last.every((c) => FORMULAS.has(c));
		});
		expect(repeated.length).toBeGreaterThanOrEqual(2);
	});

	it('has a latest comment copied from the previous one, give or take punctuation', () => {
		expect(
			tracked.some((t) => {
				const [previous, latest] = t.assessments.slice(-2);
				return previous && latest.comment !== previous.comment && plain(latest.comment) === plain(previous.comment) && plain(latest.comment).split(' ').length > 6;
			})
		).toBe(true);
	});

	it('has one review giving the same rating to at least 90 % of 8 watch-points or more', () => {
		const byReview = new Map<number, number[]>();
		for (const t of tracked) for (const a of t.assessments) if (a.rating !== null) byReview.set(a.reviewId, [...(byReview.get(a.reviewId) ?? []), a.rating]);
		const uniform = [...byReview.values()].filter((ratings) => {
			const most = Math.max(...[1, 2, 3, 4].map((r) => ratings.filter((x) => x === r).length));
			return ratings.length >= 8 && most / ratings.length >= 0.9;
		});
		expect(uniform).toHaveLength(1);
	});

	it('has an open action whose title came back in three reviews or more', () => {
		const actions = tmp.db
			.select({ projectId: action.projectId, title: action.title, status: action.status, reviewId: assessment.reviewId })
			.from(action)
			.innerJoin(assessment, eq(assessment.id, action.assessmentId))
			.all();
		const recurring = actions.filter((a) => {
			if (a.status !== 'open') return false;
			const reviews = new Set(
				actions.filter((b) => b.projectId === a.projectId && textSimilarity(a.title, b.title) >= 0.85).map((b) => b.reviewId)
			);
			const everDone = actions.some((b) => b.projectId === a.projectId && b.status === 'done' && textSimilarity(a.title, b.title) >= 0.85);
			return reviews.size >= 3 && !everDone;
		});
		expect(recurring.length).toBeGreaterThan(0);
	});

	it('has open, done and dropped actions, some of them overdue', () => {
		const actions = tmp.db.select().from(action).all();
		expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['open', 'done', 'dropped']));
		expect(actions.some((a) => a.status === 'open' && a.dueOn !== null && a.dueOn < ANCHOR)).toBe(true);
		expect(actions.some((a) => a.status === 'open' && a.dueOn !== null && a.dueOn > ANCHOR)).toBe(true);
	});

	it('has a commitment recorded more than 14 days ago whose actor was never informed', () => {
		const forgotten = tmp.db
			.select()
			.from(commitment)
			.all()
			.filter((c) => c.informedOn === null && daysBetween(c.recordedOn, ANCHOR) > 14);
		expect(forgotten.length).toBeGreaterThan(0);
		expect(tmp.db.select().from(commitment).all().some((c) => c.informedOn !== null)).toBe(true);
	});

	it('has a comment pasted into two projects, still the latest word in both', () => {
		const latest = tracked.filter(watched).flatMap((t) => {
			const a = t.assessments.at(-1);
			return a ? [{ projectId: t.projectId, comment: a.comment }] : [];
		});
		const pasted = latest.filter((a) => a.comment.length > 40 && latest.some((b) => b.projectId !== a.projectId && b.comment === a.comment));
		expect(new Set(pasted.map((p) => p.projectId)).size).toBe(2);
	});

	it('has a project whose last four reviews gathered the same people, all of one level', () => {
		const circles = tmp.db
			.select()
			.from(project)
			.all()
			.filter((p) => {
				const last4 = tmp.db.select().from(review).where(eq(review.projectId, p.id)).orderBy(asc(review.heldOn)).all().slice(-4);
				const people = last4.map((r) =>
					tmp.db
						.select({ id: actor.id, level: actor.level })
						.from(reviewParticipant)
						.innerJoin(actor, eq(actor.id, reviewParticipant.actorId))
						.where(eq(reviewParticipant.reviewId, r.id))
						.all()
				);
				const sets = people.map((ps) => ps.map((x) => x.id).sort().join(','));
				const levels = new Set(people.flat().map((x) => x.level));
				return last4.length === 4 && new Set(sets).size === 1 && levels.size === 1;
			});
		expect(circles).toHaveLength(1);
	});

	it('has healthy watch-points that evolve: ratings that move, comments that change each time', () => {
		const evolving = tracked.filter((t) => {
			const ratings = t.assessments.map((a) => a.rating);
			const comments = t.assessments.map((a) => a.comment);
			return (
				new Set(ratings).size >= 3 &&
				longestRun(ratings) < 4 &&
				comments.every((c, i) => i === 0 || textSimilarity(c, comments[i - 1]) < 0.85)
			);
		});
		expect(evolving.length).toBeGreaterThanOrEqual(5);
	});

	it('writes comments that read like notes, not one sentence reused everywhere', () => {
		const comments = tracked.flatMap((t) => t.assessments.map((a) => a.comment)).filter((c) => !FORMULAS.has(plain(c)) && c.length > 40);
		const distinct = new Set(comments);
		// the only repeats are the copied comment (4 times) and the pasted one (twice)
		expect(comments.length - distinct.size).toBeLessThanOrEqual(4);
		expect(distinct.size).toBeGreaterThan(350);
	});
});

describe('the watch job on the demo', () => {
	it('raises every kind of alert, none on the healthy project beyond one late action, none on the paused one', () => {
		const tmp = createTempDb();
		try {
			loadDemo(tmp.db, { today: ANCHOR });
			const outcome = runScan(tmp.db, { now: NOW, trigger: 'cli', log: () => {} });
			expect(outcome.status).toBe('completed');

			const alerts = tmp.db
				.select({ rule: alert.rule, slug: project.slug, status: project.status })
				.from(alert)
				.innerJoin(project, eq(project.id, alert.projectId))
				.all();
			expect(new Set(alerts.map((a) => a.rule))).toEqual(
				new Set([
					'lapsed',
					'action_overdue',
					'commitment_not_informed',
					'repeated_comment',
					'frozen_rating',
					'uniform_review',
					'recurring_action',
					'same_circle',
					'pasted_across_projects'
				])
			);
			expect(alerts.filter((a) => a.status === 'paused')).toEqual([]);
			// the local health contract is the well-run partnership of the demo
			expect(alerts.filter((a) => a.slug === 'cls-val-d-arguenon').map((a) => a.rule)).toEqual(['action_overdue']);
		} finally {
			tmp.close();
		}
	});
});

describe('vigie demo (command line)', () => {
	let tmp: TempDb;
	beforeEach(() => {
		tmp = createTempDb();
	});
	afterEach(() => tmp.close());

	it('loads an empty database, refuses it the second time with exit code 1, reloads it with --force', async () => {
		const quiet = silence();
		try {
			expect(await run(['--db', tmp.path, '--at', '2026-11-26'])).toBe(0);
			expect(projectCount(tmp.db)).toBe(4);
			expect(quiet.out.join('\n')).toMatch(/4 projects, \d+ reviews, \d+ assessments, \d+ actions/);
			// the dashboard is alive from the first visit: the watch job has already run, as of the demo's day
			const opened = tmp.db.select({ n: count() }).from(alert).where(eq(alert.status, 'open')).get()?.n ?? 0;
			expect(opened).toBeGreaterThan(0);
			expect(quiet.out.join('\n')).toContain(`Watch scan as of 2026-11-26: ${opened} alerts opened`);

			expect(await run(['--db', tmp.path, '--at', '2026-11-26'])).toBe(1);
			expect(quiet.err.join('\n')).toMatch(/--force/);

			expect(await run(['--db', tmp.path, '--at', '2026-11-26', '--force'])).toBe(0);
			expect(projectCount(tmp.db)).toBe(4);
		} finally {
			quiet.restore();
		}
	});

	it('rejects a day that does not exist', async () => {
		const quiet = silence();
		try {
			expect(await run(['--db', tmp.path, '--at', '2026-02-30'])).toBe(2);
			expect(projectCount(tmp.db)).toBe(0);
		} finally {
			quiet.restore();
		}
	});
});

/** Captures the command's console output, so the test report stays readable. */
function silence() {
	const out: string[] = [];
	const err: string[] = [];
	const log = console.log;
	const error = console.error;
	console.log = (...args: unknown[]) => void out.push(args.join(' '));
	console.error = (...args: unknown[]) => void err.push(args.join(' '));
	return {
		out,
		err,
		restore() {
			console.log = log;
			console.error = error;
		}
	};
}
