import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { csvResponse, percentValue } from '$lib/server/http/csv';
import { translate, type MessageKey } from '$lib/i18n';
import { trendsData } from '../trends-data';
import type { RequestHandler } from './$types';

const CHARTS = ['spread', 'lines', 'coverage', 'alerts'] as const;

/** The numbers of one chart of the portfolio's trends page, for the same period and projects. */
export const GET: RequestHandler = ({ url, locals }) => {
	// the first chart of the page when none is named
	const chart = url.searchParams.get('chart') ?? 'spread';
	if (!(CHARTS as readonly (string | null)[]).includes(chart)) error(404, 'error.not_found_text');
	const lang = locals.lang;
	const t = (key: MessageKey) => translate(lang, key);
	const { trends, range } = trendsData(getDb(), url, locals.user, new Date());
	const name = `vigie-${chart}-${range.from}-${range.to}.csv`;
	if (chart === 'spread') {
		return csvResponse(
			lang,
			name,
			[t('csv.month'), t('csv.projects'), t('csv.health_min'), t('csv.health_q1'), t('csv.health_median'), t('csv.health_q3'), t('csv.health_max'), t('csv.health_mean')],
			trends.months.map((m) => [m.month, m.projects, m.health?.min, m.health?.q1, m.health?.median, m.health?.q3, m.health?.max, m.health?.mean])
		);
	}
	if (chart === 'lines') {
		return csvResponse(
			lang,
			name,
			[t('csv.month'), ...trends.lines.map((l) => l.name)],
			trends.months.map((m, k) => [m.month, ...trends.lines.map((l) => l.values[k]?.health ?? null)])
		);
	}
	if (chart === 'coverage') {
		return csvResponse(
			lang,
			name,
			[t('csv.month'), t('csv.expected'), t('csv.covered'), t('csv.coverage_pct'), t('csv.assessed'), t('csv.on_time'), t('csv.on_time_pct'), t('csv.reviews')],
			trends.months.map((m) => [m.month, m.expected, m.covered, percentValue(m.coverage), m.assessed, m.onTimeCount, percentValue(m.onTime), m.reviews])
		);
	}
	return csvResponse(
		lang,
		name,
		[t('csv.month'), t('csv.alerts_opened'), t('csv.alerts_resolved')],
		trends.months.map((m) => [m.month, m.alertsOpened, m.alertsResolved])
	);
};
