/**
 * The e-mail that carries an invitation link. Vigie does not know the invited person's language,
 * so the e-mail is written in the inviter's (French by default) with the other version below.
 */
import type { ProjectRole } from '../../domain/types';
import { formatDateTime, LANGS, translate, type Lang } from '../../i18n';

/** A project the invitation makes the person a member of. */
export interface InvitedProject {
	name: string;
	role: ProjectRole;
}

export interface InvitationEmailInput {
	/** the language written first: the inviter's */
	lang: Lang;
	/** the name the admin typed for the person, possibly empty */
	inviteeName: string;
	inviterName: string | null;
	/** the projects accepting makes the person a member of, with their roles */
	projects: InvitedProject[];
	/** the link; in the outbox, with `[…]` in place of its token */
	url: string;
	/** ISO instant */
	expiresAt: string;
	timeZone: string;
}

export interface ComposedEmail {
	subject: string;
	text: string;
}

function inOneLanguage(lang: Lang, input: InvitationEmailInput): string {
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(lang, key, params);
	const name = input.inviteeName.trim();
	const inviter = input.inviterName?.trim() || t('notify.invite.someone');
	const role = (r: ProjectRole) => t(`members.role.${r}`).toLowerCase();
	const [only] = input.projects;
	const invitedTo =
		input.projects.length === 1
			? `${t('notify.invite.by_project', { inviter, project: only.name })} ${t('notify.invite.role', { role: role(only.role) })}`
			: input.projects.length > 1
				? [
						t('notify.invite.by', { inviter }),
						t('notify.invite.projects'),
						...input.projects.map((p) => t('notify.invite.project_line', { project: p.name, role: role(p.role) }))
					].join('\n')
				: t('notify.invite.by', { inviter });
	return [
		name ? t('notify.invite.hello_name', { name }) : t('notify.invite.hello'),
		invitedTo,
		`${t('notify.invite.open_link')}\n${input.url}`,
		t('notify.invite.validity', { date: formatDateTime(lang, input.expiresAt, input.timeZone) }),
		t('notify.invite.ignore')
	].join('\n\n');
}

export function invitationEmail(input: InvitationEmailInput): ComposedEmail {
	const others = LANGS.filter((l) => l !== input.lang);
	const parts = [inOneLanguage(input.lang, input)];
	for (const other of others) {
		// announced in the language it introduces: the reader who needs it can read it
		parts.push(`— ${translate(other, 'notify.version_below')} —`, inOneLanguage(other, input));
	}
	return { subject: translate(input.lang, 'notify.invite.subject'), text: parts.join('\n\n') + '\n' };
}
