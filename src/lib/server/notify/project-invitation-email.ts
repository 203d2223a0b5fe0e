/**
 * The e-mail that tells a person with an account that they are invited to a project. Written in
 * their own language (the one they last used Vigie in); it holds no secret: answering takes
 * signing in.
 */
import type { ProjectRole } from '../../domain/types';
import { formatDateTime, translate, type Lang } from '../../i18n';
import type { ComposedEmail } from './invitation-email';

export interface ProjectInvitationEmailInput {
	lang: Lang;
	inviteeName: string;
	inviterName: string | null;
	projectName: string;
	role: ProjectRole;
	/** the page where the person answers: `/invitations` */
	url: string;
	/** ISO instant */
	expiresAt: string;
	timeZone: string;
}

export function projectInvitationEmail(input: ProjectInvitationEmailInput): ComposedEmail {
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(input.lang, key, params);
	const name = input.inviteeName.trim();
	const inviter = input.inviterName?.trim() || t('notify.project_invite.someone');
	const text = [
		name ? t('notify.invite.hello_name', { name }) : t('notify.invite.hello'),
		t('notify.project_invite.by', { inviter, project: input.projectName, role: t(`members.role.${input.role}`).toLowerCase() }),
		`${t('notify.project_invite.open_link')}\n${input.url}`,
		t('notify.project_invite.validity', { date: formatDateTime(input.lang, input.expiresAt, input.timeZone) }),
		t('notify.invite.ignore')
	].join('\n\n');
	return { subject: t('notify.project_invite.subject', { project: input.projectName }), text: `${text}\n` };
}
