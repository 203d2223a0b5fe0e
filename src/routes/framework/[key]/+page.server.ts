import { getDb } from '$lib/server/db';
import { acrossData } from './across-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => acrossData(getDb(), params.key, url, locals.user, new Date());
