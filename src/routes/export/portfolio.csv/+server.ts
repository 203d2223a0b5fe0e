import { getDb } from '$lib/server/db';
import { csvResponse } from '$lib/server/http/csv';
import { projectScope } from '$lib/server/permissions';
import { portfolioCells } from '$lib/server/queries/heatmap';
import { readPortfolioFilters } from '$lib/server/queries/portfolio';
import { translate } from '$lib/i18n';
import type { RequestHandler } from './$types';

/** One row per project × watch-point the reader may see, as the heat-map shows them (its filters apply). */
export const GET: RequestHandler = ({ url, locals }) => {
	const db = getDb();
	const lang = locals.lang;
	const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
	const rows = portfolioCells(db, new Date(), { projectIds: projectScope(db, locals.user), filters: readPortfolioFilters(url.searchParams) });
	return csvResponse(
		lang,
		`vigie-portfolio-${new Date().toISOString().slice(0, 10)}.csv`,
		[
			t('csv.project'),
			t('csv.project_slug'),
			t('csv.project_status'),
			t('csv.watchpoint_key'),
			t('csv.watchpoint'),
			t('csv.kind'),
			t('csv.rating'),
			t('csv.rating_label'),
			t('csv.rated_on'),
			t('csv.last_reviewed_on'),
			t('csv.due_on'),
			t('csv.review_status'),
			t('csv.habit_alerts')
		],
		rows.map((r) => [
			r.projectName,
			r.projectSlug,
			translate(lang, r.archived ? 'project_status.archived' : `project_status.${r.projectStatus}`),
			r.key,
			lang === 'fr' ? r.titleFr : r.titleEn,
			translate(lang, `kind.${r.kind}`),
			r.rating,
			r.rating ? translate(lang, `rating.${r.rating}`) : '',
			r.ratedOn,
			r.lastReviewedOn,
			r.dueOn,
			translate(lang, `status.${r.status}`),
			r.habits.join(' ')
		])
	);
};
