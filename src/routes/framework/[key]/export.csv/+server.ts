import { getDb } from '$lib/server/db';
import { csvResponse } from '$lib/server/http/csv';
import { translate, type MessageKey } from '$lib/i18n';
import { acrossData } from '../across-data';
import type { RequestHandler } from './$types';

/** The watch-point's rating at each month's end in every project the reader may see, and the mean. */
export const GET: RequestHandler = ({ params, url, locals }) => {
	const lang = locals.lang;
	const t = (key: MessageKey) => translate(lang, key);
	const { watchpoint, range, across } = acrossData(getDb(), params.key, url, locals.user, new Date());
	return csvResponse(
		lang,
		`vigie-${watchpoint.key}-${range.from}-${range.to}.csv`,
		[t('csv.month'), t('csv.mean_rating'), t('csv.rated_projects'), ...across.rows.map((r) => r.project.name)],
		across.months.map((m, k) => [m.month, m.mean, m.projects, ...across.rows.map((r) => r.trend[k])])
	);
};
