import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { instanceSecret } from '$lib/server/secret';
import { checkUnsubscribeToken, type UnsubscribeGrant } from '$lib/server/notify/unsubscribe';
import { stopEmails } from '$lib/server/preferences';
import { describeScope } from './describe';
import type { Actions, PageServerLoad } from './$types';

/**
 * The link in an e-mail, opened without signing in: the page says what it will stop and asks to
 * confirm (a mail scanner that follows links must not unsubscribe anyone); the button stops it.
 * A link whose text was changed is refused (403), an expired one too (410), each with a page that
 * says so and where to choose instead.
 */
function grantOf(token: string): UnsubscribeGrant {
	const checked = checkUnsubscribeToken(instanceSecret(getDb()), token, new Date());
	if (!checked.ok) error(checked.reason === 'expired' ? 410 : 403, checked.reason === 'expired' ? 'digest.unsubscribe.expired' : 'digest.unsubscribe.invalid');
	return checked.grant;
}

export const load: PageServerLoad = ({ params }) => {
	const grant = grantOf(params.token);
	const what = describeScope(getDb(), grant);
	if (!what) error(404, 'digest.unsubscribe.gone');
	return { what, done: false };
};

export const actions: Actions = {
	default: ({ params }) => {
		const grant = grantOf(params.token);
		const stopped = stopEmails(getDb(), grant.userId, grant.scope, new Date());
		if (!stopped) return fail(404, { gone: true });
		return { stopped };
	}
};
