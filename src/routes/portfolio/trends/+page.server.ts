import { getDb } from '$lib/server/db';
import { trendsData } from './trends-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => trendsData(getDb(), url, locals.user, new Date());
