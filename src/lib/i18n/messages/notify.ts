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
		'{inviter} vous invite à rejoindre le projet « {project} » dans Vigie, l’outil qui tient à jour les points de vigilance de nos projets de coopération.',
	'notify.invite.role': 'Votre rôle : {role}.',
	'notify.invite.projects': 'En acceptant, vous deviendrez membre de ces projets :',
	'notify.invite.project_line': '– « {project} » : {role}',
	'notify.invite.open_link': 'Pour créer votre compte et choisir votre mot de passe, ouvrez ce lien :',
	'notify.invite.validity': 'Ce lien vous est personnel et ne sert qu’une fois ; il est valable jusqu’au {date}.',
	'notify.invite.ignore': 'Si vous ne vous attendiez pas à cette invitation, ignorez simplement ce message.',

	'notify.project_invite.subject': 'Invitation au projet « {project} »',
	'notify.project_invite.someone': 'Un coordinateur',
	'notify.project_invite.by': '{inviter} vous invite à rejoindre le projet « {project} » dans Vigie. Rôle proposé : {role}.',
	'notify.project_invite.open_link': 'Pour accepter ou décliner, connectez-vous à Vigie et ouvrez cette page :',
	'notify.project_invite.validity': 'Cette invitation vous attend jusqu’au {date}.'
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
	'notify.invite.role': 'Your role: {role}.',
	'notify.invite.projects': 'By accepting, you will become a member of these projects:',
	'notify.invite.project_line': '– “{project}”: {role}',
	'notify.invite.open_link': 'To create your account and choose your password, open this link:',
	'notify.invite.validity': 'This link is yours alone and works once; it is valid until {date}.',
	'notify.invite.ignore': 'If you were not expecting this invitation, simply ignore this message.',

	'notify.project_invite.subject': 'Invitation to the project “{project}”',
	'notify.project_invite.someone': 'A coordinator',
	'notify.project_invite.by': '{inviter} invites you to join the project “{project}” in Vigie, as {role}.',
	'notify.project_invite.open_link': 'To accept or decline, sign in to Vigie and open this page:',
	'notify.project_invite.validity': 'This invitation waits for you until {date}.'
};
