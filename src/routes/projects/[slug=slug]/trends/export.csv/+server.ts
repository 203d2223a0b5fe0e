import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { csvResponse, percentValue } from '$lib/server/http/csv';
import { guardProject } from '$lib/server/permissions';
import { ACTOR_LEVELS } from '$lib/domain/types';
import { translate, type MessageKey } from '$lib/i18n';
import { projectTrendsData } from '../trends-data';
import type { RequestHandler } from './$types';

const CHARTS = ['health', 'ratings', 'radar', 'levels', 'coverage'] as const;

/** The numbers of one chart of a project's trends page. */
export const GET: RequestHandler = ({ params, url, locals }) => {
	const { project } = guardProject({ params, locals }, 'view');
	// the first chart of the page when none is named
	const chart = url.searchParams.get('chart') ?? 'health';
	if (!(CHARTS as readonly (string | null)[]).includes(chart)) error(404, 'error.not_found_text');
	const lang = locals.lang;
	const t = (key: MessageKey) => translate(lang, key);
	const data = projectTrendsData(getDb(), project, url, new Date());
	const { trends } = data;
	const title = (w: { titleFr: string; titleEn: string }) => (lang === 'fr' ? w.titleFr : w.titleEn);
	const name = `vigie-${project.slug}-${chart}.csv`;
	if (chart === 'health') {
		return csvResponse(
			lang,
			name,
			[t('csv.review_date'), t('csv.health'), t('csv.health_factors'), t('csv.health_vigilance')],
			trends.points.map((p) => [p.heldOn, p.health, p.byKind.success_factor, p.byKind.vigilance])
		);
	}
	if (chart === 'ratings') {
		const shown = trends.watchpoints.filter((w) => data.shown.includes(w.key));
		return csvResponse(lang, name, [t('csv.review_date'), ...shown.map(title)], trends.points.map((p) => [p.heldOn, ...shown.map((w) => p.ratings[w.id] ?? null)]));
	}
	if (chart === 'radar') {
		return csvResponse(
			lang,
			name,
			[t('csv.watchpoint'), t('csv.rating_latest'), t('csv.rating_previous')],
			trends.watchpoints.map((w, k) => [title(w), trends.radar?.latest[k] ?? null, trends.radar?.previous[k] ?? null])
		);
	}
	if (chart === 'levels') {
		return csvResponse(
			lang,
			name,
			[t('csv.review_date'), ...ACTOR_LEVELS.map((l) => translate(lang, `level.${l}`))],
			trends.points.map((p) => [p.heldOn, ...ACTOR_LEVELS.map((l) => p.levels[l])])
		);
	}
	return csvResponse(
		lang,
		name,
		[t('csv.month'), t('csv.expected'), t('csv.covered'), t('csv.coverage_pct'), t('csv.assessed'), t('csv.on_time'), t('csv.on_time_pct'), t('csv.health')],
		data.coverage.map((m) => [
			m.month,
			m.expected,
			m.covered,
			percentValue(m.expected ? m.covered / m.expected : null),
			m.assessed,
			m.onTime,
			percentValue(m.assessed ? m.onTime / m.assessed : null),
			m.health
		])
	);
};
