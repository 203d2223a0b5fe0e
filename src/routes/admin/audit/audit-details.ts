/** The details of an audit row as short phrases in the reader's language. */
import { isMessageKey, type Translator } from '$lib/i18n';

export function describeDetails(details: Record<string, unknown> | null, i: Pick<Translator, 't'>, count = 1): string[] {
	const parts: string[] = [];
	// repeated attempts are counted in one row per hour
	if (count > 1) parts.push(i.t('auth.audit.detail.count', { count }));
	if (!details) return parts;
	const reason = details.reason;
	if (typeof reason === 'string') {
		const key = `auth.audit.reason.${reason}`;
		parts.push(isMessageKey(key) ? i.t(key) : reason);
	}
	if (Array.isArray(details.emails) && details.emails.length > 0) {
		parts.push(i.t('auth.audit.detail.emails', { emails: details.emails.filter((e) => typeof e === 'string').join(', ') }));
	}
	if (details.isAdmin === true) parts.push(i.t('auth.audit.detail.admin'));
	if (typeof details.sessionsEnded === 'number') parts.push(i.t('auth.audit.detail.sessions_ended', { count: details.sessionsEnded }));
	if (typeof details.waitMs === 'number') {
		parts.push(i.t('auth.audit.detail.wait', { seconds: Math.max(1, Math.ceil(details.waitMs / 1000)) }));
	}
	if (details.via === 'cli') parts.push(i.t('auth.audit.detail.via_cli'));
	if (details.via === 'invitation') parts.push(i.t('auth.audit.detail.via_invitation'));
	if (Array.isArray(details.projects)) {
		for (const p of details.projects as unknown[]) {
			if (typeof p !== 'object' || p === null) continue;
			const { projectId, role } = p as { projectId?: unknown; role?: unknown };
			if (typeof projectId === 'number') parts.push(i.t('auth.audit.detail.project', { id: projectId, role: typeof role === 'string' ? role : '' }));
		}
	}
	if (typeof details.projectId === 'number') {
		const role = details.role ?? details.projectRole;
		parts.push(i.t('auth.audit.detail.project', { id: details.projectId, role: typeof role === 'string' ? role : '' }));
	}
	return parts;
}
