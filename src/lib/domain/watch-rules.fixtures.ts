/**
 * Named fixtures for the watch rules' tests: a project history built step by step, with ids
 * handed out in order so each test reads like the story it tells.
 */
import type { ActorLevel, IsoDate, ProjectStatus, Rating } from './types';
import type {
	ActionInput,
	ActorInput,
	CommitmentInput,
	ProjectHistory,
	ReviewInput
} from './watch-rules-types';

/** 26 November 2026, 10:00 in Paris: "today" is 2026-11-26 for every rule. */
export const NOW = new Date('2026-11-26T09:00:00Z');
export const TODAY = '2026-11-26';

let nextId = 1;
const id = () => nextId++;

export interface ProjectOptions {
	id?: number;
	name?: string;
	status?: ProjectStatus;
	startDate?: IsoDate;
	archived?: boolean;
	/** watch-point ids to track (default 1, 2, 3) */
	watchpoints?: number[];
	cadenceDays?: number;
	graceDays?: number;
}

export function project(options: ProjectOptions = {}): ProjectHistory {
	const projectId = options.id ?? id();
	return {
		project: {
			id: projectId,
			slug: `projet-${projectId}`,
			name: options.name ?? `Projet ${projectId}`,
			status: options.status ?? 'active',
			startDate: options.startDate ?? '2025-01-06',
			archived: options.archived ?? false
		},
		tracked: (options.watchpoints ?? [1, 2, 3]).map((watchpointId) => ({
			id: id(),
			watchpointId,
			watchpointKey: `point-${watchpointId}`,
			cadenceDays: options.cadenceDays ?? 90,
			graceDays: options.graceDays ?? 7,
			snoozedUntil: null
		})),
		reviews: [],
		actors: [],
		actions: [],
		commitments: []
	};
}

export type Assessed = [rating: Rating | null, comment: string];

/** Adds a review held on `heldOn` assessing the given watch-points; returns it. */
export function review(
	history: ProjectHistory,
	heldOn: IsoDate,
	assessments: Record<number, Assessed>,
	participantActorIds: number[] = []
): ReviewInput {
	const r: ReviewInput = {
		id: id(),
		heldOn,
		participantActorIds,
		assessments: Object.entries(assessments).map(([watchpointId, [rating, comment]]) => ({
			watchpointId: Number(watchpointId),
			rating,
			comment
		}))
	};
	history.reviews.push(r);
	history.reviews.sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id));
	return r;
}

export function actor(history: ProjectHistory, name: string, level: ActorLevel): ActorInput {
	const a = { id: id(), name, level };
	history.actors.push(a);
	return a;
}

export function action(history: ProjectHistory, fields: Partial<ActionInput> & { title: string }): ActionInput {
	const a: ActionInput = {
		id: id(),
		status: 'open',
		dueOn: null,
		createdInReviewId: null,
		watchpointId: null,
		...fields
	};
	history.actions.push(a);
	return a;
}

export function commitment(
	history: ProjectHistory,
	fields: Partial<CommitmentInput> & { actorId: number; recordedOn: IsoDate }
): CommitmentInput {
	const c: CommitmentInput = { id: id(), description: 'Cofinancer le poste d’animation', informedOn: null, ...fields };
	history.commitments.push(c);
	return c;
}

/** Quarterly review days, oldest first, ending on `last`. */
export function quarterly(last: IsoDate, count: number): IsoDate[] {
	const [y, m, d] = last.split('-').map(Number);
	return Array.from({ length: count }, (_, i) => {
		const months = y * 12 + (m - 1) - 3 * (count - 1 - i);
		return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
	});
}
