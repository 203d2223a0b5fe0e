/** What a project's trends page and its CSV read. */
import type { Db } from '$lib/server/db';
import type { Project } from '$lib/server/db/schema';
import { viewClock } from '$lib/server/queries/options';
import { projectCoverage } from '$lib/server/queries/portfolio-trends';
import { projectTrends } from '$lib/server/queries/project-trends';
import { readRange } from '$lib/server/queries/range';

/** Watch-points drawn on the ratings chart when none is chosen: the weakest few. */
const DEFAULT_SHOWN = 4;

export function projectTrendsData(db: Db, project: Pick<Project, 'id' | 'startDate'>, url: URL, now: Date) {
	const { today } = viewClock(db, now);
	const trends = projectTrends(db, project.id);
	const first = trends.points[0]?.heldOn;
	const began = first && first < project.startDate ? first : project.startDate;
	const range = readRange(url.searchParams, today, began.slice(0, 7));
	const inRange = trends.points.filter((p) => p.heldOn.slice(0, 7) >= range.from && p.heldOn.slice(0, 7) <= range.to);
	const keys = new Set(trends.watchpoints.map((w) => w.key));
	const asked = url.searchParams.getAll('wp').filter((k) => keys.has(k));
	const latest = trends.radar?.latest ?? [];
	const weakest = trends.watchpoints
		.map((w, k) => ({ key: w.key, rating: latest[k] ?? 5 }))
		.sort((a, b) => a.rating - b.rating)
		.slice(0, DEFAULT_SHOWN)
		.map((w) => w.key);
	return {
		range,
		trends: { ...trends, points: inRange },
		shown: asked.length > 0 ? asked : weakest,
		chosen: asked.length > 0,
		coverage: projectCoverage(db, now, project.id, range)
	};
}
