/**
 * Messages of the reminders: the dashboard's card, the e-mail digest, the webhook's text and the
 * setting on the account page. E-mail texts are plain: the HTML part is made from them.
 */
export const fr = {
	'reminders.card.title': 'À revoir bientôt / en retard',
	'reminders.card.intro': 'Dans vos projets actifs : les points à revoir et les actions qui arrivent à échéance ou l’ont dépassée, les plus urgents en premier.',
	'reminders.card.more': 'Et {count} autres : les voir tous',
	'reminders.card.more_one': 'Et 1 autre : le voir',
	'reminders.page.title': 'À revoir bientôt ou en retard',
	'reminders.pages.label': 'Pages de la liste des rappels',
	'reminders.page.intro': 'Tous les points à revoir et les actions qui arrivent à échéance ou l’ont dépassée, dans vos projets actifs, les plus urgents en premier.',
	'reminders.page.count': '{count} éléments',
	'reminders.page.none': 'Rien n’est dû dans les jours qui viennent, et rien n’est en retard.',
	'reminders.card.review_hint': 'Noter une revue de ce point',
	'reminders.card.project_hint': 'Ouvrir le projet',
	'reminders.card.actions_hint': 'Voir les actions du projet',

	'reminders.urgency.lapsed': 'Délaissé',
	'reminders.urgency.overdue': 'En retard',
	'reminders.urgency.due_soon': 'Bientôt dû',
	'reminders.action.overdue': 'Action en retard',
	'reminders.action.due_soon': 'Action à échéance',

	'reminders.due.today': 'échéance aujourd’hui',
	'reminders.due.in': 'échéance le {date}, dans {days}',
	'reminders.due.late': 'échéance le {date}, dépassée de {days}',

	'reminders.email.subject': 'Vigie : {late} en retard, {soon} à revoir bientôt',
	'reminders.email.subject_late': 'Vigie : {late} en retard',
	'reminders.email.subject_soon': 'Vigie : {soon} à revoir bientôt',
	'reminders.email.hello': 'Bonjour,',
	'reminders.email.hello_name': 'Bonjour {name},',
	'reminders.email.intro': 'Voici ce qui arrive à échéance ou l’a dépassée dans vos projets, au {date}.',
	'reminders.email.point_line': '- {title} — {status}, {due}',
	'reminders.email.action_line': '- Action « {title} »{owner} — {due}',
	'reminders.email.owner': ' ({owner})',
	'reminders.email.review_link': 'Noter une revue : {url}',
	'reminders.email.actions_link': 'Les actions du projet : {url}',
	'reminders.email.project_link': 'Le projet : {url}',
	'reminders.email.why':
		'Vous recevez ce rappel parce que vous coordonnez ces projets ou y contribuez. Il revient quand un point arrive à échéance ou prend du retard, et une fois par semaine tant qu’un retard demeure.',
	'reminders.email.stop': 'Pour ne plus recevoir ces rappels, décochez la case sur votre compte : {url}',

	'reminders.webhook.text': 'Vigie — {project} : {late} en retard, {soon} à revoir bientôt. {url}',

	'reminders.account.title': 'Rappels par e-mail',
	'reminders.account.intro':
		'Vigie vous écrit quand un point de vos projets doit bientôt être revu ou prend du retard, et quand une action arrive à échéance : un message par jour au plus, seulement quand il y a du nouveau, et une fois par semaine tant qu’un retard demeure.',
	'reminders.account.enabled': 'M’envoyer les rappels par e-mail',
	'reminders.account.scope': 'Ils portent sur les projets que vous coordonnez ou auxquels vous contribuez.',
	'reminders.account.no_email': 'L’envoi d’e-mails n’est pas encore configuré sur ce serveur : aucun rappel ne part pour l’instant.',
	'reminders.account.save': 'Enregistrer',
	'reminders.account.saved_on': 'C’est noté : vous recevrez les rappels par e-mail.',
	'reminders.account.saved_off': 'C’est noté : vous ne recevrez plus de rappels par e-mail.'
} as const;

export const en: Record<keyof typeof fr, string> = {
	'reminders.card.title': 'Due soon / overdue',
	'reminders.card.intro': 'In your active projects: the watch-points to review and the actions coming due or past due, most urgent first.',
	'reminders.card.more': 'And {count} more: see them all',
	'reminders.card.more_one': 'And 1 more: see it',
	'reminders.page.title': 'Due soon or overdue',
	'reminders.pages.label': 'Pages of the list of reminders',
	'reminders.page.intro': 'Every watch-point to review and every action coming due or past due, in your active projects, most urgent first.',
	'reminders.page.count': '{count} items',
	'reminders.page.none': 'Nothing is due in the coming days, and nothing is late.',
	'reminders.card.review_hint': 'Record a review of this watch-point',
	'reminders.card.project_hint': 'Open the project',
	'reminders.card.actions_hint': 'See the project’s actions',

	'reminders.urgency.lapsed': 'Lapsed',
	'reminders.urgency.overdue': 'Overdue',
	'reminders.urgency.due_soon': 'Due soon',
	'reminders.action.overdue': 'Action overdue',
	'reminders.action.due_soon': 'Action due soon',

	'reminders.due.today': 'due today',
	'reminders.due.in': 'due {date}, in {days}',
	'reminders.due.late': 'due {date}, {days} late',

	'reminders.email.subject': 'Vigie: {late} overdue, {soon} due soon',
	'reminders.email.subject_late': 'Vigie: {late} overdue',
	'reminders.email.subject_soon': 'Vigie: {soon} due soon',
	'reminders.email.hello': 'Hello,',
	'reminders.email.hello_name': 'Hello {name},',
	'reminders.email.intro': 'Here is what is coming due or past due in your projects, as of {date}.',
	'reminders.email.point_line': '- {title} — {status}, {due}',
	'reminders.email.action_line': '- Action “{title}”{owner} — {due}',
	'reminders.email.owner': ' ({owner})',
	'reminders.email.review_link': 'Record a review: {url}',
	'reminders.email.actions_link': 'The project’s actions: {url}',
	'reminders.email.project_link': 'The project: {url}',
	'reminders.email.why':
		'You receive this reminder because you coordinate or contribute to these projects. It comes again when a watch-point falls due or becomes late, and once a week while something stays late.',
	'reminders.email.stop': 'To stop these reminders, untick the box on your account: {url}',

	'reminders.webhook.text': 'Vigie — {project}: {late} overdue, {soon} due soon. {url}',

	'reminders.account.title': 'E-mail reminders',
	'reminders.account.intro':
		'Vigie writes to you when a watch-point of your projects is due soon or late, and when an action falls due: one message a day at most, only when there is something new, and once a week while something stays late.',
	'reminders.account.enabled': 'Send me reminders by e-mail',
	'reminders.account.scope': 'They cover the projects you coordinate or contribute to.',
	'reminders.account.no_email': 'Sending e-mail is not set up on this server yet: no reminder goes out for now.',
	'reminders.account.save': 'Save',
	'reminders.account.saved_on': 'Done: you will receive reminders by e-mail.',
	'reminders.account.saved_off': 'Done: you will no longer receive reminders by e-mail.'
};
