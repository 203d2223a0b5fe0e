/**
 * Expands the hand-written project descriptions into dated rows, relative to an anchor day.
 * Pure and deterministic: the same anchor gives the same data, comment for comment, because
 * every choice comes from one seeded generator walked in a fixed order.
 */
import { addDays } from '../../domain/dates';
import { isRating } from '../../domain/ratings';
import type { ActionStatus, IsoDate, ProjectStatus, Rating } from '../../domain/types';
import { COMMENT_LIBRARY, RATING_CHANGES } from './comments';
import { createPrng, type Prng } from './prng';
import { alimentation } from './projects/alimentation';
import { eau } from './projects/eau';
import { mobilite } from './projects/mobilite';
import { sante } from './projects/sante';
import type { DemoActor, DemoProject, Vocabulary } from './types';

/** The demonstration projects, in the order they are created. */
export const DEMO_PROJECTS: readonly DemoProject[] = [sante, eau, mobilite, alimentation];

const SEED = 'vigie-demo';

/** How often a change of rating is introduced by a sentence that dates it. */
const CHANGE_NOTE_RATE = 0.45;

export interface PlannedAssessment {
	key: string;
	rating: Rating;
	comment: string;
}

export interface PlannedReview {
	heldOn: IsoDate;
	/** the facilitator's name */
	facilitator: string;
	notes: string;
	/** actor refs */
	participants: string[];
	assessments: PlannedAssessment[];
}

export interface PlannedAction {
	review: number;
	key: string;
	title: string;
	/** the owner's name */
	owner: string;
	dueOn: IsoDate;
	status: ActionStatus;
	closedOn: IsoDate | null;
}

export interface PlannedCommitment {
	actor: string;
	description: string;
	recordedOn: IsoDate;
	informedOn: IsoDate | null;
}

export interface PlannedTracked {
	key: string;
	cadenceDays: number | null;
	graceDays: number | null;
	/** the owner's name */
	owner: string | null;
	snoozedUntil: IsoDate | null;
}

export interface PlannedProject {
	slug: string;
	name: string;
	description: string;
	trigger: string;
	stakes: string;
	ambition: string;
	startDate: IsoDate;
	status: ProjectStatus;
	statusChangedOn: IsoDate | null;
	defaultCadenceDays: number;
	defaultGraceDays: number;
	actors: DemoActor[];
	commitments: PlannedCommitment[];
	tracked: PlannedTracked[];
	reviews: PlannedReview[];
	actions: PlannedAction[];
}

const MONTHS_FR = [
	'janvier',
	'février',
	'mars',
	'avril',
	'mai',
	'juin',
	'juillet',
	'août',
	'septembre',
	'octobre',
	'novembre',
	'décembre'
];

function monthOf(day: IsoDate): string {
	return MONTHS_FR[Number(day.slice(5, 7)) - 1];
}

/** "de mars", "d'avril": French elides "de" before a vowel. */
function ofMonth(month: string): string {
	return /^[aeiouéèàâ]/.test(month) ? `d'${month}` : `de ${month}`;
}

/** Upper-cases the first letter of each sentence (a placeholder may open one). */
function capitaliseSentences(text: string): string {
	return text.replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

function fill(template: string, values: Record<string, string>): string {
	const text = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
		const value = values[name];
		if (value === undefined) throw new Error(`demo comment uses an unknown placeholder {${name}}`);
		return value;
	});
	return capitaliseSentences(text);
}

/**
 * Draws comments from the library without ever giving the same sentence twice, in any project:
 * a real coordinator does not write the same sentence about two partnerships, and the habit
 * rules must only find the repetitions that were planted on purpose.
 */
class CommentDrawer {
	private readonly used = new Map<string, Set<number>>();

	constructor(private readonly prng: Prng) {}

	draw(key: string, rating: Rating, vocabulary: Vocabulary): string {
		const pool = COMMENT_LIBRARY[key]?.[rating] ?? [];
		const slot = `${key}:${rating}`;
		const used = this.used.get(slot) ?? new Set<number>();
		this.used.set(slot, used);
		const free = pool.map((_, i) => i).filter((i) => !used.has(i));
		if (free.length === 0) {
			throw new Error(`the demo comment library has no sentence left for "${key}" rated ${rating}`);
		}
		const index = free[this.prng.int(free.length)];
		used.add(index);
		return fill(pool[index], { ...vocabulary });
	}

	changeNote(from: Rating, to: Rating, previousDay: IsoDate): string | null {
		if (from === to || this.prng.next() >= CHANGE_NOTE_RATE) return null;
		const pool = RATING_CHANGES[to > from ? 'up' : 'down'];
		const month = monthOf(previousDay);
		return fill(pool[this.prng.int(pool.length)], { mois: month, deMois: ofMonth(month) });
	}
}

function planProject(source: DemoProject, today: IsoDate, drawer: CommentDrawer): PlannedProject {
	const day = (offset: number) => addDays(today, offset);
	const actorsByRef = new Map(source.actors.map((a) => [a.ref, a]));
	const nameOf = (ref: string): string => {
		const actor = actorsByRef.get(ref);
		if (!actor) throw new Error(`demo project ${source.slug}: unknown actor "${ref}"`);
		return actor.name;
	};

	const reviews: PlannedReview[] = source.reviews.map((r) => {
		if (r.offset > 0) throw new Error(`demo project ${source.slug}: a review cannot be held in the future`);
		r.participants.forEach(nameOf);
		return {
			heldOn: day(r.offset),
			facilitator: nameOf(r.facilitator),
			notes: r.notes,
			participants: [...r.participants],
			assessments: []
		};
	});

	for (const tracked of source.tracked) {
		if (tracked.ratings.length > reviews.length) {
			throw new Error(`demo project ${source.slug}: "${tracked.key}" has more ratings than reviews`);
		}
		let previous: { rating: Rating; day: IsoDate } | null = null;
		for (let i = 0; i < tracked.ratings.length; i++) {
			const char = tracked.ratings[i];
			if (char === '-') continue;
			const rating = Number(char);
			if (!isRating(rating)) throw new Error(`demo project ${source.slug}: bad rating "${char}" for "${tracked.key}"`);
			const written = tracked.comments?.[i];
			let comment: string;
			if (written !== undefined) {
				comment = written;
			} else {
				comment = drawer.draw(tracked.key, rating, source.vocabulary);
				const note = previous ? drawer.changeNote(previous.rating, rating, previous.day) : null;
				if (note) comment = `${note} ${comment}`;
			}
			reviews[i].assessments.push({ key: tracked.key, rating, comment });
			previous = { rating, day: reviews[i].heldOn };
		}
	}

	const actions: PlannedAction[] = source.actions.map((a) => {
		const review = reviews[a.review];
		if (!review || !review.assessments.some((x) => x.key === a.key)) {
			throw new Error(`demo project ${source.slug}: action "${a.title}" follows no assessment of "${a.key}"`);
		}
		const closedOn = a.status === 'open' ? null : addDays(review.heldOn, a.closedAfter ?? 0);
		if (closedOn && closedOn > today) throw new Error(`demo project ${source.slug}: action "${a.title}" closed in the future`);
		return {
			review: a.review,
			key: a.key,
			title: a.title,
			owner: nameOf(a.owner),
			dueOn: addDays(review.heldOn, a.dueAfter),
			status: a.status,
			closedOn
		};
	});

	return {
		slug: source.slug,
		name: source.name,
		description: source.description,
		trigger: source.trigger,
		stakes: source.stakes,
		ambition: source.ambition,
		startDate: day(source.startOffset),
		status: source.status,
		statusChangedOn: source.statusOffset === undefined ? null : day(source.statusOffset),
		defaultCadenceDays: source.defaultCadenceDays,
		defaultGraceDays: source.defaultGraceDays,
		actors: source.actors,
		commitments: source.commitments.map((c) => {
			nameOf(c.actor);
			return {
				actor: c.actor,
				description: c.description,
				recordedOn: day(c.recordedOffset),
				informedOn: c.informedOffset === null ? null : day(c.informedOffset)
			};
		}),
		tracked: source.tracked.map((t) => ({
			key: t.key,
			cadenceDays: t.cadenceDays ?? null,
			graceDays: t.graceDays ?? null,
			owner: t.owner ? nameOf(t.owner) : null,
			snoozedUntil: t.snoozeOffset === undefined ? null : day(t.snoozeOffset)
		})),
		reviews,
		actions
	};
}

/** The whole demonstration, as of `today`. */
export function planDemo(today: IsoDate): PlannedProject[] {
	const drawer = new CommentDrawer(createPrng(SEED));
	return DEMO_PROJECTS.map((p) => planProject(p, today, drawer));
}
