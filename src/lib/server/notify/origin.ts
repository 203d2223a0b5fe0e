/**
 * The address people reach Vigie at, for the links in e-mails and webhooks: `ORIGIN`, as
 * `npm start` sets it (a scheduled job has no request to take it from).
 */
export function publicOrigin(env: NodeJS.ProcessEnv = process.env): string {
	const origin = (env.ORIGIN ?? '').trim() || `http://localhost:${env.PORT || 3000}`;
	return origin.replace(/\/+$/, '');
}
