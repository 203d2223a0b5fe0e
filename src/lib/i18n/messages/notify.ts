/** Messages of the e-mails Vigie sends. Plain text: no markup, the HTML part is made from them. */
export const fr = {
	'notify.version_below': 'Version française ci-dessous',

	'notify.invite.subject': 'Invitation à rejoindre Vigie',
	'notify.invite.hello': 'Bonjour,',
	'notify.invite.hello_name': 'Bonjour {name},',
	'notify.invite.someone': 'Un administrateur',
	'notify.invite.by':
		'{inviter} vous invite à rejoindre Vigie, l’outil qui tient à jour les points de vigilance de nos projets de coopération.',
	'notify.invite.by_project':
		'{inviter} vous invite à rejoindre le projet « {project} » dans Vigie, l’outil qui tient à jour les points de vigilance de nos projets de coopération.',
	'notify.invite.open_link': 'Pour créer votre compte et choisir votre mot de passe, ouvrez ce lien :',
	'notify.invite.validity': 'Ce lien vous est personnel et ne sert qu’une fois ; il est valable jusqu’au {date}.',
	'notify.invite.ignore': 'Si vous ne vous attendiez pas à cette invitation, ignorez simplement ce message.'
} as const;

export const en: Record<keyof typeof fr, string> = {
	'notify.version_below': 'English version below',

	'notify.invite.subject': 'Invitation to join Vigie',
	'notify.invite.hello': 'Hello,',
	'notify.invite.hello_name': 'Hello {name},',
	'notify.invite.someone': 'An administrator',
	'notify.invite.by': '{inviter} invites you to join Vigie, the tool that keeps our cooperation projects’ watch-points under review.',
	'notify.invite.by_project':
		'{inviter} invites you to join the project “{project}” in Vigie, the tool that keeps our cooperation projects’ watch-points under review.',
	'notify.invite.open_link': 'To create your account and choose your password, open this link:',
	'notify.invite.validity': 'This link is yours alone and works once; it is valid until {date}.',
	'notify.invite.ignore': 'If you were not expecting this invitation, simply ignore this message.'
};
