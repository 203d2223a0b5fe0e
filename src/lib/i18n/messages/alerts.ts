/**
 * Messages of the alerts: rule names, severities, the explanation of each finding and the
 * settings of the watch job. Explanation parameters are plain values: days arrive as ISO
 * `YYYY-MM-DD` (the page formats them in the reader's language before translating), similarity
 * and shares as whole percents, ratings as 1–4.
 */
export const fr = {
	'alert.severity.info': 'Information',
	'alert.severity.warning': 'Attention',
	'alert.severity.critical': 'Critique',

	'alert.rule.lapsed.name': 'Point délaissé',
	'alert.rule.lapsed.explanation':
		'Revu pour la dernière fois le {lastReviewedOn}, ce point devait l’être à nouveau le {dueOn} (tous les {cadenceDays} jours). Le délai de grâce a expiré le {graceEndsOn} : {daysLate} jours de retard.',
	'alert.rule.lapsed.explanation_never':
		'Ce point n’a jamais été revu depuis le lancement du projet, le {startDate}. Une première revue était attendue le {dueOn} (tous les {cadenceDays} jours) et le délai de grâce a expiré le {graceEndsOn}.',
	'alert.rule.lapsed.explanation_since_tracked':
		'Ce point est suivi par le projet depuis le {trackedSince} et n’a pas été revu depuis. Une revue était attendue le {dueOn} (tous les {cadenceDays} jours) et le délai de grâce a expiré le {graceEndsOn}.',

	'alert.rule.project_unreviewed.name': 'Projet sans revue',
	'alert.rule.project_unreviewed.explanation':
		'Aucune revue du projet depuis le {lastReviewedOn}, soit {days} jours, alors que même le point suivi le moins souvent doit être revu tous les {cadenceDays} jours.',
	'alert.rule.project_unreviewed.explanation_never':
		'Aucune revue depuis le lancement du projet, le {startDate}, soit {days} jours, alors que ses points doivent être revus au moins tous les {cadenceDays} jours.',

	'alert.rule.action_overdue.name': 'Action en retard',
	'alert.rule.action_overdue.explanation':
		'L’action « {title} » devait être réalisée pour le {dueOn} ; elle est toujours ouverte.',

	'alert.rule.commitment_not_informed.name': 'Engagement non communiqué',
	'alert.rule.commitment_not_informed.explanation':
		'L’engagement « {commitment} », pris par {actor} et enregistré le {recordedOn}, ne lui a toujours pas été communiqué {days} jours plus tard. Bien informer les protagonistes des engagements qu’ils prennent.',

	'alert.rule.repeated_comment.name': 'Commentaire répété',
	'alert.rule.repeated_comment.explanation':
		'Le commentaire du {date} reprend presque mot pour mot celui du {previousDate} (similarité {similarity} %) — qu’est-ce qui a changé ?',
	'alert.rule.repeated_comment.explanation_run':
		'Le commentaire du {date} reprend presque mot pour mot celui du {previousDate} (similarité {similarity} %) : {count} revues de suite disent la même chose depuis le {firstDate}. Qu’est-ce qui a changé ?',
	'alert.rule.repeated_comment.explanation_formulaic':
		'Le {date}, le commentaire se limite à « {comment} », comme à la revue du {previousDate} : depuis le {firstDate}, {count} revues de suite n’ont rien dit de ce point. N’y a-t-il vraiment rien à en dire ?',
	'alert.rule.repeated_comment.explanation_empty':
		'Aucun commentaire le {date}, ni le {previousDate} : depuis le {firstDate}, {count} revues de suite ont noté ce point sans dire pourquoi.',

	'alert.rule.frozen_rating.name': 'Note figée',
	'alert.rule.frozen_rating.explanation':
		'Même note ({rating} sur 4) à {count} revues de suite, du {firstDate} au {date}, sans que les commentaires apportent quoi que ce soit de nouveau. La situation est-elle vraiment inchangée ?',

	'alert.rule.uniform_review.name': 'Revue uniforme',
	'alert.rule.uniform_review.explanation':
		'La revue du {date} donne la même note ({rating} sur 4) à {count} points sur {total} ({percent} %). Chaque point a-t-il vraiment été examiné pour lui-même ?',

	'alert.rule.recurring_action.name': 'Action qui revient',
	'alert.rule.recurring_action.explanation':
		'L’action « {title} » a été reprise à {count} revues, du {firstDate} au {date}, sans jamais être réalisée. Qu’est-ce qui l’empêche d’aboutir ?',

	'alert.rule.same_circle.name': 'Toujours le même cercle',
	'alert.rule.same_circle.explanation_same_people':
		'Les {count} dernières revues, du {firstDate} au {date}, ont réuni exactement les mêmes personnes ({people}). Faut-il ouvrir le cercle ?',
	'alert.rule.same_circle.explanation_level_political':
		'Les {count} dernières revues, du {firstDate} au {date}, n’ont réuni que le niveau politique. Les niveaux technique et opérationnel sont-ils associés ?',
	'alert.rule.same_circle.explanation_level_technical':
		'Les {count} dernières revues, du {firstDate} au {date}, n’ont réuni que le niveau technique. Le sujet des acteurs n’est pas qu’un sujet technique : les élus sont-ils associés ?',
	'alert.rule.same_circle.explanation_level_operational':
		'Les {count} dernières revues, du {firstDate} au {date}, n’ont réuni que le niveau opérationnel. Les niveaux politique et technique suivent-ils encore le projet ?',
	'alert.rule.same_circle.explanation_level_other':
		'Les {count} dernières revues, du {firstDate} au {date}, n’ont réuni qu’un seul niveau d’acteurs. Les bons niveaux coopèrent-ils ?',

	'alert.rule.pasted_across_projects.name': 'Commentaire copié d’un projet à l’autre',
	'alert.rule.pasted_across_projects.explanation':
		'Le commentaire du {date} (« {comment} ») se retrouve presque à l’identique dans : {projects} (similarité {similarity} %). Une solution plaquée d’un projet à l’autre ? Mieux vaut l’inventer avec les partenaires de chacun.',

	'alert.config.time_zone_instance':
		'Les échéances se comptent en jours du fuseau horaire de l’instance : {timeZone}. Il se règle avec la variable d’environnement VIGIE_TZ.',
	'alert.config.remindBeforeDays.label': 'Rappel avant échéance (jours)',
	'alert.config.remindBeforeDays.help': 'Un point passe « bientôt dû » ce nombre de jours avant son échéance.',
	'alert.config.defaultCadenceDays.label': 'Cadence par défaut (jours)',
	'alert.config.defaultCadenceDays.help': 'Pour un projet qui ne suit encore aucun point.',
	'alert.config.commitmentInformDays.label': 'Délai pour informer d’un engagement (jours)',
	'alert.config.commitmentInformDays.help': 'Au-delà, un engagement qui n’a pas été communiqué à son acteur est signalé.',
	'alert.config.actionCriticalDaysLate.label': 'Action très en retard (jours)',
	'alert.config.actionCriticalDaysLate.help':
		'Une action en retard de ce nombre de jours devient critique : ses responsables sont prévenus tout de suite. Un point délaissé devient critique à deux fois sa cadence.',
	'alert.config.similarityThreshold.label': 'Seuil de similarité des commentaires',
	'alert.config.similarityThreshold.help': 'Entre 0,5 et 1 : au-delà, deux commentaires sont jugés identiques (0,85 par défaut).',
	'alert.config.repeatedCommentWarningRun.label': 'Commentaires répétés : attention à partir de',
	'alert.config.repeatedCommentWarningRun.help': 'Nombre de revues de suite avec le même commentaire.',
	'alert.config.repeatedCommentCriticalRun.label': 'Commentaires répétés : critique à partir de',
	'alert.config.repeatedCommentCriticalRun.help': 'Nombre de revues de suite avec le même commentaire.',
	'alert.config.frozenRatingReviews.label': 'Note figée : revues de suite',
	'alert.config.frozenRatingReviews.help': 'Même note, sans rien de nouveau dans les commentaires.',
	'alert.config.frozenCommentSimilarity.label': 'Note figée : similarité des commentaires',
	'alert.config.frozenCommentSimilarity.help': 'Entre 0,3 et 1 : au-delà, un commentaire n’apporte rien de nouveau.',
	'alert.config.uniformShare.label': 'Revue uniforme : part des points',
	'alert.config.uniformShare.help': 'Entre 0,5 et 1 : part des points ayant reçu la même note (0,9 = 90 %).',
	'alert.config.uniformMinWatchpoints.label': 'Revue uniforme : nombre minimal de points notés',
	'alert.config.uniformMinWatchpoints.help': 'En dessous, une revue n’est pas jugée uniforme.',
	'alert.config.recurringActionReviews.label': 'Action qui revient : revues',
	'alert.config.recurringActionReviews.help': 'Nombre de revues où la même action est reprise sans être réalisée.',
	'alert.config.actionTitleSimilarity.label': 'Action qui revient : similarité des intitulés',
	'alert.config.actionTitleSimilarity.help': 'Entre 0,5 et 1 : au-delà, deux actions sont la même.',
	'alert.config.sameCircleReviews.label': 'Même cercle : revues comparées',
	'alert.config.sameCircleReviews.help': 'Les dernières revues dont on compare les participants.',
	'alert.config.pastedMinProjects.label': 'Copié entre projets : nombre de projets',
	'alert.config.pastedMinProjects.help': 'Projets où le même commentaire doit apparaître.',
	'alert.config.pastedMinWords.label': 'Copié entre projets : longueur minimale (mots)',
	'alert.config.pastedMinWords.help': 'Les commentaires plus courts ne comptent pas : les formules brèves sont communes.',
	'alert.config.error.range': 'Valeur attendue entre {min} et {max}.',
	'alert.config.error.critical_before_warning':
		'Doit être au moins égal au seuil « attention » ({warning}).',
	'alert.config.error.not_settings': 'Ces réglages sont illisibles.'
} as const;

export const en: Record<keyof typeof fr, string> = {
	'alert.severity.info': 'Information',
	'alert.severity.warning': 'Warning',
	'alert.severity.critical': 'Critical',

	'alert.rule.lapsed.name': 'Lapsed watch-point',
	'alert.rule.lapsed.explanation':
		'Last reviewed on {lastReviewedOn}, this point was due again on {dueOn} (every {cadenceDays} days). The grace period ended on {graceEndsOn}: {daysLate} days late.',
	'alert.rule.lapsed.explanation_never':
		'This point has never been reviewed since the project started on {startDate}. A first review was expected by {dueOn} (every {cadenceDays} days) and the grace period ended on {graceEndsOn}.',
	'alert.rule.lapsed.explanation_since_tracked':
		'The project has tracked this point since {trackedSince} and has not reviewed it since. A review was expected by {dueOn} (every {cadenceDays} days) and the grace period ended on {graceEndsOn}.',

	'alert.rule.project_unreviewed.name': 'Project not reviewed',
	'alert.rule.project_unreviewed.explanation':
		'No review of this project since {lastReviewedOn}, {days} days ago, although even its least frequent watch-point is due every {cadenceDays} days.',
	'alert.rule.project_unreviewed.explanation_never':
		'No review since the project started on {startDate}, {days} days ago, although its watch-points are due at least every {cadenceDays} days.',

	'alert.rule.action_overdue.name': 'Overdue action',
	'alert.rule.action_overdue.explanation':
		'The action “{title}” was due on {dueOn} and is still open.',

	'alert.rule.commitment_not_informed.name': 'Commitment not communicated',
	'alert.rule.commitment_not_informed.explanation':
		'The commitment of {actor} (“{commitment}”), recorded on {recordedOn}, has still not been communicated to them {days} days later. People should be told clearly what they have committed to.',

	'alert.rule.repeated_comment.name': 'Repeated comment',
	'alert.rule.repeated_comment.explanation':
		'The comment of {date} repeats the one of {previousDate} almost word for word ({similarity}% similar) — what has changed?',
	'alert.rule.repeated_comment.explanation_run':
		'The comment of {date} repeats the one of {previousDate} almost word for word ({similarity}% similar): {count} reviews in a row have said the same thing since {firstDate}. What has changed?',
	'alert.rule.repeated_comment.explanation_formulaic':
		'On {date} the comment was just “{comment}”, as at the review of {previousDate}: since {firstDate}, {count} reviews in a row have said nothing about this point. Is there really nothing to say?',
	'alert.rule.repeated_comment.explanation_empty':
		'No comment on {date}, nor on {previousDate}: since {firstDate}, {count} reviews in a row have rated this point without saying why.',

	'alert.rule.frozen_rating.name': 'Frozen rating',
	'alert.rule.frozen_rating.explanation':
		'The same rating ({rating} out of 4) at {count} reviews in a row, from {firstDate} to {date}, with comments that add nothing new. Has nothing really changed?',

	'alert.rule.uniform_review.name': 'Uniform review',
	'alert.rule.uniform_review.explanation':
		'The review of {date} gives the same rating ({rating} out of 4) to {count} of {total} watch-points ({percent}%). Was each point really looked at on its own?',

	'alert.rule.recurring_action.name': 'Recurring action',
	'alert.rule.recurring_action.explanation':
		'The action “{title}” has been set again at {count} reviews, from {firstDate} to {date}, and never done. What is stopping it?',

	'alert.rule.same_circle.name': 'Always the same circle',
	'alert.rule.same_circle.explanation_same_people':
		'The last {count} reviews, from {firstDate} to {date}, brought together exactly the same people ({people}). Should the circle be widened?',
	'alert.rule.same_circle.explanation_level_political':
		'The last {count} reviews, from {firstDate} to {date}, involved only the political level. Are the technical and operational levels on board?',
	'alert.rule.same_circle.explanation_level_technical':
		'The last {count} reviews, from {firstDate} to {date}, involved only the technical level. Actors are not just a technical matter: are elected members on board?',
	'alert.rule.same_circle.explanation_level_operational':
		'The last {count} reviews, from {firstDate} to {date}, involved only the operational level. Are the political and technical levels still following the project?',
	'alert.rule.same_circle.explanation_level_other':
		'The last {count} reviews, from {firstDate} to {date}, involved a single level of actors. Are the right levels working together?',

	'alert.rule.pasted_across_projects.name': 'Comment pasted across projects',
	'alert.rule.pasted_across_projects.explanation':
		'The comment of {date} (“{comment}”) appears almost word for word in: {projects} ({similarity}% similar). A solution pasted from one project to another? Better to work it out with each project’s partners.',

	'alert.config.time_zone_instance':
		'Due dates are counted in days of the instance’s time zone: {timeZone}. It is set with the VIGIE_TZ environment variable.',
	'alert.config.remindBeforeDays.label': 'Reminder before due date (days)',
	'alert.config.remindBeforeDays.help': 'A point reads “due soon” this many days before it is due.',
	'alert.config.defaultCadenceDays.label': 'Default cadence (days)',
	'alert.config.defaultCadenceDays.help': 'For a project that does not track any watch-point yet.',
	'alert.config.commitmentInformDays.label': 'Time to inform of a commitment (days)',
	'alert.config.commitmentInformDays.help': 'After this, a commitment whose actor was not informed is flagged.',
	'alert.config.actionCriticalDaysLate.label': 'Action far overdue (days)',
	'alert.config.actionCriticalDaysLate.help':
		'An action this many days late becomes critical: the people in charge are told at once. A lapsed watch-point becomes critical at twice its cadence.',
	'alert.config.similarityThreshold.label': 'Comment similarity threshold',
	'alert.config.similarityThreshold.help': 'Between 0.5 and 1: above it, two comments count as the same (0.85 by default).',
	'alert.config.repeatedCommentWarningRun.label': 'Repeated comments: warning from',
	'alert.config.repeatedCommentWarningRun.help': 'Reviews in a row with the same comment.',
	'alert.config.repeatedCommentCriticalRun.label': 'Repeated comments: critical from',
	'alert.config.repeatedCommentCriticalRun.help': 'Reviews in a row with the same comment.',
	'alert.config.frozenRatingReviews.label': 'Frozen rating: reviews in a row',
	'alert.config.frozenRatingReviews.help': 'Same rating, with nothing new in the comments.',
	'alert.config.frozenCommentSimilarity.label': 'Frozen rating: comment similarity',
	'alert.config.frozenCommentSimilarity.help': 'Between 0.3 and 1: above it, a comment adds nothing new.',
	'alert.config.uniformShare.label': 'Uniform review: share of watch-points',
	'alert.config.uniformShare.help': 'Between 0.5 and 1: share of watch-points given the same rating (0.9 = 90%).',
	'alert.config.uniformMinWatchpoints.label': 'Uniform review: fewest rated watch-points',
	'alert.config.uniformMinWatchpoints.help': 'Below this, a review is not judged uniform.',
	'alert.config.recurringActionReviews.label': 'Recurring action: reviews',
	'alert.config.recurringActionReviews.help': 'Reviews in which the same action is set again without being done.',
	'alert.config.actionTitleSimilarity.label': 'Recurring action: title similarity',
	'alert.config.actionTitleSimilarity.help': 'Between 0.5 and 1: above it, two actions are the same.',
	'alert.config.sameCircleReviews.label': 'Same circle: reviews compared',
	'alert.config.sameCircleReviews.help': 'The latest reviews whose participants are compared.',
	'alert.config.pastedMinProjects.label': 'Pasted across projects: projects',
	'alert.config.pastedMinProjects.help': 'Projects in which the same comment must appear.',
	'alert.config.pastedMinWords.label': 'Pasted across projects: shortest comment (words)',
	'alert.config.pastedMinWords.help': 'Shorter comments do not count: brief phrases are common ground.',
	'alert.config.error.range': 'Expected a value between {min} and {max}.',
	'alert.config.error.critical_before_warning': 'Must be at least the warning threshold ({warning}).',
	'alert.config.error.not_settings': 'These settings cannot be read.'
};
