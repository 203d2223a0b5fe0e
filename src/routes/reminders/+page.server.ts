import { getDb } from '$lib/server/db';
import { readPage } from '$lib/server/queries/portfolio';
import { dashboardReminders } from '$lib/server/reminders';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

/** Every item the dashboard's card stands for (the card shows the most urgent few), a page at a time. */
export const load: PageServerLoad = ({ url, locals }) => {
	const page = readPage(url.searchParams);
	const reminders = dashboardReminders(getDb(), locals.user, new Date(), PAGE_SIZE, (page - 1) * PAGE_SIZE);
	return { reminders, page, pages: Math.max(1, Math.ceil(reminders.total / PAGE_SIZE)) };
};
