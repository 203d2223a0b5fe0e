/**
 * What the watch job reads (the history of a project, as plain data) and what its rules return
 * (findings: one per rule and subject, with the words that explain it).
 */
import type { MessageKey } from '../i18n';
import type { ActionStatus, ActorLevel, AlertSeverity, IsoDate, ProjectStatus, Rating } from './types';

export const UNREVIEWED_RULES = [
	'lapsed',
	'project_unreviewed',
	'action_overdue',
	'commitment_not_informed'
] as const;

export const HABIT_RULES = [
	'repeated_comment',
	'frozen_rating',
	'uniform_review',
	'recurring_action',
	'same_circle',
	'pasted_across_projects'
] as const;

export const RULE_IDS = [...UNREVIEWED_RULES, ...HABIT_RULES] as const;

/** Habit rules that read one project's history: a scan re-runs them only where it changed. */
export const PROJECT_HISTORY_RULES = [
	'repeated_comment',
	'frozen_rating',
	'uniform_review',
	'recurring_action',
	'same_circle'
] as const satisfies readonly (typeof HABIT_RULES)[number][];
export type RuleId = (typeof RULE_IDS)[number];

export interface ProjectInfo {
	id: number;
	slug: string;
	name: string;
	status: ProjectStatus;
	startDate: IsoDate;
	archived: boolean;
}

/** A tracked watch-point with its cadence and grace already resolved from the project's defaults. */
export interface TrackedInput {
	id: number;
	watchpointId: number;
	watchpointKey: string;
	cadenceDays: number;
	graceDays: number;
	snoozedUntil: IsoDate | null;
	/**
	 * the day the project began tracking it, when after the project's creation (an item added to
	 * the framework or restored later on); null or absent: since the project's start
	 */
	trackedSince?: IsoDate | null;
}

export interface AssessmentInput {
	watchpointId: number;
	/** null: not assessed */
	rating: Rating | null;
	comment: string;
}

export interface ReviewInput {
	id: number;
	heldOn: IsoDate;
	participantActorIds: number[];
	assessments: AssessmentInput[];
}

export interface ActorInput {
	id: number;
	name: string;
	level: ActorLevel;
}

export interface ActionInput {
	id: number;
	title: string;
	status: ActionStatus;
	dueOn: IsoDate | null;
	/** the review whose assessment asked for it; null for an action added on its own */
	createdInReviewId: number | null;
	watchpointId: number | null;
}

export interface CommitmentInput {
	id: number;
	actorId: number;
	description: string;
	recordedOn: IsoDate;
	/** null until the actor has been told */
	informedOn: IsoDate | null;
}

export interface ProjectHistory {
	project: ProjectInfo;
	tracked: TrackedInput[];
	/** oldest first (the rules sort a copy if they are not) */
	reviews: ReviewInput[];
	actors: ActorInput[];
	actions: ActionInput[];
	commitments: CommitmentInput[];
}

export type FindingParams = Record<string, string | number>;

export interface Finding {
	rule: RuleId;
	/**
	 * Stable identity of what the finding is about, so a later scan finds the same open alert:
	 * `tracked:12`, `project:3`, `action:40`, `commitment:7`, `review:9`,
	 * `watchpoint:3:project:1`, `comment:<hash>:watchpoint:3:project:1`.
	 */
	subjectKey: string;
	projectId: number;
	watchpointId: number | null;
	severity: AlertSeverity;
	/**
	 * the day the situation began (a point lapsed the day after its grace ran out, an action the
	 * day after its due day); absent, the day of the latest review the rule compared. A scan that
	 * catches up after a downtime says so, rather than the day it happened to run.
	 */
	beganOn?: IsoDate;
	/** message key and plain parameters: days as ISO `YYYY-MM-DD`, similarity as a percent */
	explanation: { key: MessageKey; params: FindingParams };
	evidence: {
		reviewIds: number[];
		similarity?: number;
		/**
		 * the other projects a finding names, by id and name (a comment pasted across projects): a
		 * page shows each reader only the names of the projects they may see
		 */
		projects?: { id: number; name: string }[];
	};
}

