/**
 * How a demonstration project is described: compact, hand-written facts (people, reviews,
 * ratings, the follow-up actions) that `plan.ts` expands into dated rows. Every day is an offset
 * in days from the anchor day ("today" of the run), so the demo always looks current.
 */
import type { ActionStatus, ActorLevel, ProjectStatus } from '../../domain/types';

/** Words of a project that the shared comment library slots into its sentences. */
export interface Vocabulary {
	/** main institutional partner, with its article: "la CPAM" */
	partenaire: string;
	/** second partner, with its article: "le centre hospitalier" */
	partenaire2: string;
	/** the people in the field, plural, with article: "les professionnels de la MSP" */
	terrain: string;
	/** the flagship deliverable, with article: "le centre de santé" */
	chantier: string;
	/** what the cooperation is about, with article: "l'accès aux soins" */
	sujet: string;
	/** the founding document, with article: "le contrat" */
	document: string;
	/** the coordinator's full name */
	coord: string;
	/** the lead elected representative's full name */
	elu: string;
	/** who the project is for, plural, with article: "les patients sans médecin traitant" */
	public: string;
	/** the steering body, with article: "le comité de pilotage" */
	copil: string;
	/** a neutral resource person or body, with article: "l'observatoire régional de santé" */
	neutre: string;
}

export interface DemoActor {
	/** short handle used by the rest of the description */
	ref: string;
	name: string;
	organisation: string;
	level: ActorLevel;
	role: string;
	/** "qui fait quoi" */
	responsibilities: string;
	email?: string;
}

export interface DemoCommitment {
	actor: string;
	description: string;
	recordedOffset: number;
	/** null: the actor was never told ("bien informer les protagonistes des engagements qu'ils prennent") */
	informedOffset: number | null;
}

export interface DemoReview {
	offset: number;
	/** actor ref */
	facilitator: string;
	/** actor refs */
	participants: string[];
	notes: string;
}

export interface DemoTracked {
	/** watch-point key, from the framework (src/lib/domain/framework.ts) */
	key: string;
	cadenceDays?: number;
	graceDays?: number;
	/** actor ref */
	owner?: string;
	/** snoozed until anchor + this many days */
	snoozeOffset?: number;
	/**
	 * One character per review of the project, in order: '1'–'4' a rating, '-' not assessed
	 * in that review. An empty-of-digits string: tracked but never assessed.
	 */
	ratings: string;
	/** comments written out for given review indexes; the others come from the library */
	comments?: Record<number, string>;
}

export interface DemoAction {
	/** index of the review that asked for it */
	review: number;
	/** watch-point key it follows up; the assessment of that review on that watch-point */
	key: string;
	title: string;
	/** actor ref */
	owner: string;
	/** due this many days after the review */
	dueAfter: number;
	status: ActionStatus;
	/** done or dropped this many days after the review */
	closedAfter?: number;
}

export interface DemoProject {
	slug: string;
	name: string;
	description: string;
	/** élément déclencheur */
	trigger: string;
	/** enjeux */
	stakes: string;
	ambition: string;
	startOffset: number;
	status: ProjectStatus;
	/** for a paused or closed project: when it changed */
	statusOffset?: number;
	defaultCadenceDays: number;
	defaultGraceDays: number;
	vocabulary: Vocabulary;
	actors: DemoActor[];
	commitments: DemoCommitment[];
	reviews: DemoReview[];
	tracked: DemoTracked[];
	actions: DemoAction[];
}
