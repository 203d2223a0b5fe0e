/**
 * The e-mail that carries an invitation link. Vigie does not know the invited person's language,
 * so the e-mail is written in the inviter's (French by default) with the other version below.
 */
import { formatDateTime, LANGS, translate, type Lang } from '../../i18n';

export interface InvitationEmailInput {
	/** the language written first: the inviter's */
	lang: Lang;
	/** the name the admin typed for the person, possibly empty */
	inviteeName: string;
	inviterName: string | null;
	projectName: string | null;
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
	return [
		name ? t('notify.invite.hello_name', { name }) : t('notify.invite.hello'),
		input.projectName
			? t('notify.invite.by_project', { inviter, project: input.projectName })
			: t('notify.invite.by', { inviter }),
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
