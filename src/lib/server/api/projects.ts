/** Projects as the JSON API lists and shows them: those the caller may see, with their role in each. */
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { project, projectMember, type Project } from '../db/schema';
import { projectScope, requireProject } from '../permissions';
import type { ProjectStanding } from '../../domain/permissions';
import type { IsoDate, ProjectStatus } from '../../domain/types';
import type { ApiContext } from './handler';
import { decodeCursor, pageOf, pageSize, type Page } from './pagination';
import { portfolioFigures, projectFigures, type ApiProjectFigures } from './portfolio';
import { badParameter } from './problem';
import { json } from './handler';
import { memberChoices } from '../member-choices';

export interface ApiProject {
	id: number;
	slug: string;
	name: string;
	status: ProjectStatus;
	archived: boolean;
	startDate: IsoDate;
	/** the caller's standing: `admin`, or their role in the project */
	access: Exclude<ProjectStanding, null>;
}

export interface ApiProjectDetail extends ApiProject, ApiProjectFigures {
	description: string;
	trigger: string;
	stakes: string;
	ambition: string;
	defaultCadenceDays: number;
	defaultGraceDays: number;
	/** the members with an enabled account: who may lead a review (`facilitatorUserId`) */
	members: { userId: number; name: string }[];
}

function summary(p: Project, access: Exclude<ProjectStanding, null>): ApiProject {
	return { id: p.id, slug: p.slug, name: p.name, status: p.status, archived: p.archivedAt !== null, startDate: p.startDate, access };
}

/** GET /projects: the caller's projects (every project for an admin), by id. */
export function listProjectsResponse(ctx: ApiContext): Response {
	const caller = ctx.caller!;
	const limit = pageSize(ctx.url.searchParams.get('limit'));
	const after = decodeCursor(ctx.url.searchParams.get('cursor'), ['number']);
	const scope = projectScope(ctx.db, caller);
	if (scope !== null && scope.length === 0) return json({ data: [], nextCursor: null } satisfies Page<ApiProject>);
	const rows = ctx.db
		.select()
		.from(project)
		.where(and(scope === null ? undefined : inArray(project.id, scope), after ? gt(project.id, after[0] as number) : undefined))
		.orderBy(asc(project.id))
		.limit(limit + 1)
		.all();
	const roles = new Map(
		caller.isAdmin
			? []
			: ctx.db
					.select({ projectId: projectMember.projectId, role: projectMember.role })
					.from(projectMember)
					.where(eq(projectMember.userId, caller.id))
					.all()
					.map((m) => [m.projectId, m.role] as const)
	);
	const items = rows.map((p) => summary(p, caller.isAdmin ? 'admin' : (roles.get(p.id) ?? 'viewer')));
	return json(pageOf(items, limit, (p) => [p.id]));
}

/** GET /projects/{slug}: the project, its figures and each tracked watch-point's review status. */
export function projectResponse(ctx: ApiContext): Response {
	const { project: p, access } = requireProject(ctx.db, ctx.caller, ctx.params.slug, 'view');
	const detail: ApiProjectDetail = {
		...summary(p, access.standing),
		description: p.description,
		trigger: p.trigger,
		stakes: p.stakes,
		ambition: p.ambition,
		defaultCadenceDays: p.defaultCadenceDays,
		defaultGraceDays: p.defaultGraceDays,
		members: memberChoices(ctx.db, p.id),
		...projectFigures(ctx.db, p, ctx.now)
	};
	return json(detail);
}

/** GET /portfolio?archived=true: the dashboard's figures over the caller's projects. */
export function portfolioResponse(ctx: ApiContext): Response {
	const archived = ctx.url.searchParams.get('archived');
	if (archived !== null && archived !== 'true' && archived !== 'false') throw badParameter('archived', { key: 'error.invalid_choice' });
	return json(portfolioFigures(ctx.db, ctx.now, { projectIds: projectScope(ctx.db, ctx.caller), includeArchived: archived === 'true' }));
}
