import { getDb } from '$lib/server/db';
import { listActions } from '$lib/server/actions';
import { projectAlerts } from '$lib/server/alerts';
import { instanceToday } from '$lib/server/clock';
import { alertForReader, guardProject, readerScope } from '$lib/server/permissions';
import { listCommitments } from '$lib/server/projects';
import { projectCoverage } from '$lib/server/queries/portfolio-trends';
import { projectOverview } from '$lib/server/queries/project';
import { projectTrends } from '$lib/server/queries/project-trends';
import { readRange } from '$lib/server/queries/range';
import type { PageServerLoad } from './$types';

/** The steering committee pack: what a coordinator hands out, as of today, for A4. */
export const load: PageServerLoad = ({ params, locals }) => {
	const { project } = guardProject({ params, locals }, 'view');
	const db = getDb();
	const now = new Date();
	const today = instanceToday(now);
	const reader = readerScope(db, locals.user);
	const range = readRange(new URLSearchParams(), today, null);
	const trends = projectTrends(db, project.id);
	return {
		today,
		overview: projectOverview(db, project, now),
		comparison: trends.comparison,
		health: trends.points.map((p) => ({ heldOn: p.heldOn, health: p.health })),
		alerts: projectAlerts(db, project.id, today).map((a) => alertForReader(a, reader, locals.lang)),
		actions: listActions(db, project.id).open,
		commitments: listCommitments(db, project.id).filter((c) => c.informedOn === null),
		coverage: projectCoverage(db, now, project.id, range)
	};
};
