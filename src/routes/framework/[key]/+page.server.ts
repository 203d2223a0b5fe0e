import { getDb } from '$lib/server/db';
import { readPage } from '$lib/server/queries/portfolio';
import { ACROSS_PAGE_SIZE, acrossData } from './across-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const data = acrossData(getDb(), params.key, url, locals.user, new Date());
	const total = data.across.rows.length;
	const pages = Math.max(1, Math.ceil(total / ACROSS_PAGE_SIZE));
	const page = Math.min(readPage(url.searchParams), pages);
	const from = (page - 1) * ACROSS_PAGE_SIZE;
	return {
		...data,
		across: { ...data.across, rows: data.across.rows.slice(from, from + ACROSS_PAGE_SIZE) },
		list: { page, pages, total, first: from + 1 }
	};
};
