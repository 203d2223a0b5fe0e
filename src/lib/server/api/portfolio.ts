/**
 * The dashboard's figures as the JSON API publishes them: the only module of the API that reads
 * the at-a-glance views (`queries/`, over the read model). Its output shapes below are the API's own and are what
 * the OpenAPI document describes; the functions that fill them may change (a read model, other
 * names) without touching the routes or the document — only this file.
 *
 * Health indexes are 0–100 (null when nothing is rated); days are `YYYY-MM-DD`; statuses are
 * computed as of the request's instant in the instance's time zone, with the saved "due soon"
 * window, exactly as the pages show them.
 */
import type { Db } from '../db';
import type { Project } from '../db/schema';
import { portfolioOverview, projectCounts } from '../queries/portfolio';
import { projectOverview } from '../queries/project';
import { portfolioTrend } from '../queries/trends';
import type { IsoDate, ProjectStatus, Rating, ReviewStatus, WatchpointKind } from '../../domain/types';

export type ApiStatusCounts = Record<ReviewStatus, number>;

/** One tracked watch-point of a project and where it stands. */
export interface ApiWatchpointStatus {
	key: string;
	kind: WatchpointKind;
	title: { fr: string; en: string };
	status: ReviewStatus;
	/** the day the next review is due */
	dueOn: IsoDate;
	/** the last day before it lapses */
	graceEndsOn: IsoDate;
	/** positive: days left before due; negative: days late */
	daysUntilDue: number;
	lastReviewedOn: IsoDate | null;
	/** the latest rating given (a later "not assessed" does not erase it) */
	rating: Rating | null;
	ratedOn: IsoDate | null;
	cadenceDays: number;
	graceDays: number;
	snoozedUntil: IsoDate | null;
	owner: string | null;
}

/** A project's figures, as its overview page shows them. */
export interface ApiProjectFigures {
	health: number | null;
	counts: ApiStatusCounts;
	lastReviewOn: IsoDate | null;
	reviewCount: number;
	openActions: number;
	overdueActions: number;
	/** most urgent first */
	watchpoints: ApiWatchpointStatus[];
}

export function projectFigures(db: Db, project: Project, now: Date): ApiProjectFigures {
	const o = projectOverview(db, project, now);
	return {
		health: o.health,
		counts: { ...o.counts },
		lastReviewOn: o.lastReviewOn,
		reviewCount: o.reviewCount,
		openActions: o.openActions,
		overdueActions: o.overdueActions,
		watchpoints: o.rows.map((r) => ({
			key: r.key,
			kind: r.kind,
			title: { fr: r.titleFr, en: r.titleEn },
			status: r.schedule.status,
			dueOn: r.schedule.dueOn,
			graceEndsOn: r.schedule.graceEndsOn,
			daysUntilDue: r.schedule.daysUntilDue,
			lastReviewedOn: r.lastReviewedOn,
			rating: r.rating,
			ratedOn: r.ratedOn,
			cadenceDays: r.cadenceDays,
			graceDays: r.graceDays,
			snoozedUntil: r.snoozedUntil,
			owner: r.owner
		}))
	};
}

/** One project's line on the dashboard. */
export interface ApiPortfolioProject {
	slug: string;
	name: string;
	status: ProjectStatus;
	archived: boolean;
	trackedCount: number;
	health: number | null;
	counts: ApiStatusCounts;
	/** tracked watch-points no review has assessed yet */
	neverReviewed: number;
	lastReviewOn: IsoDate | null;
	reviewCount: number;
	openActions: number;
	overdueActions: number;
	/** open alerts (acknowledged and snoozed ones are silenced), of which about habits, and critical */
	openAlerts: number;
	habitAlerts: number;
	criticalAlerts: number;
}

export interface ApiPortfolio {
	/** projects the caller may see, and how many of them are archived */
	projectCount: number;
	archivedCount: number;
	/** those needing attention first */
	projects: ApiPortfolioProject[];
	/** mean health per month over the last 18 months, of the non-archived projects */
	trend: { month: string; health: number | null; projects: number }[];
}

export function portfolioFigures(
	db: Db,
	now: Date,
	options: { projectIds: readonly number[] | null; includeArchived: boolean }
): ApiPortfolio {
	const counts = projectCounts(db, options.projectIds);
	return {
		projectCount: counts.all,
		archivedCount: counts.archived,
		projects: portfolioOverview(db, now, { includeArchived: options.includeArchived, projectIds: options.projectIds }).map((p) => ({
			slug: p.slug,
			name: p.name,
			status: p.status,
			archived: p.archived,
			trackedCount: p.trackedCount,
			health: p.health,
			counts: { ...p.counts },
			neverReviewed: p.neverReviewed,
			lastReviewOn: p.lastReviewOn,
			reviewCount: p.reviewCount,
			openActions: p.openActions,
			overdueActions: p.overdueActions,
			openAlerts: p.openAlerts,
			habitAlerts: p.habitAlerts,
			criticalAlerts: p.criticalAlerts
		})),
		trend: portfolioTrend(db, now, { projectIds: options.projectIds }).map((t) => ({ month: t.month, health: t.health, projects: t.projects }))
	};
}
