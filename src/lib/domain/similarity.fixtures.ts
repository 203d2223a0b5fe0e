/**
 * Pairs of review comments, as coordinators of cooperation projects write them, each labelled by
 * hand: is the second comment a repetition of the first (the "repeated comment" habit), or does
 * it say something different? The similarity test measures precision and recall on this set,
 * so the threshold is measured rather than assumed. The pairs were written before any tuning
 * (the last block after a first round, and scored unseen to check the choice between measures);
 * keep adding real cases rather than editing these to fit the algorithm.
 */
export type PairKind =
	| 'copy'
	| 'near_copy'
	| 'reordered'
	| 'formulaic'
	| 'paraphrase'
	| 'formulaic_vs_content'
	| 'shared_vocabulary';

export interface CommentPair {
	lang: 'fr' | 'en';
	kind: PairKind;
	previous: string;
	latest: string;
	/** true when a person reading both would say "this is the same comment again" */
	repetition: boolean;
}

export const COMMENT_PAIRS: readonly CommentPair[] = [
	// --- French: copies and near-copies ------------------------------------------------------
	{
		lang: 'fr',
		kind: 'copy',
		previous:
			"Le comité de pilotage s'est réuni le 14 mars. Les élus ont validé le plan d'actions 2026, la convention reste à signer par le Département.",
		latest:
			"Le comité de pilotage s'est réuni le 14 mars. Les élus ont validé le plan d'actions 2026, la convention reste à signer par le Département.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous:
			"Réunion du COPIL le 14 mars : plan d'actions validé, convention en attente de signature du Département.",
		latest:
			"Réunion du COPIL le 20 juin : plan d'actions validé, convention en attente de signature du Département.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous:
			"Les partenaires se connaissent bien désormais ; la confiance s'installe, notamment entre les deux techniciens.",
		latest:
			"Les partenaires se connaissent bien désormais, la confiance s'installe notamment entre les deux techniciens",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous:
			'Difficulté à mobiliser les élus de la communauté de communes : le président délègue systématiquement au DGS.',
		latest:
			'Difficulte a mobiliser les elus de la communaute de communes : le president delegue systematiquement au DGS.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: 'Bureau mensuel maintenu, compte rendu diffusé à tous les partenaires.',
		latest: 'bureau mensuel maintenu, compte rendu diffusé à tous les partenaires',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'reordered',
		previous:
			"Le diagnostic partagé a été restitué en février. Les associations ont apprécié d'être associées. Reste à formaliser les suites.",
		latest:
			"Les associations ont apprécié d'être associées. Reste à formaliser les suites. Le diagnostic partagé a été restitué en février.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: 'Les enjeux sont compris par les techniciens mais pas encore par les élus.',
		latest: 'Les enjeux sont bien compris par les techniciens mais toujours pas par les élus.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous:
			'La répartition des rôles entre la métropole et les communes reste floue, à clarifier lors du prochain séminaire.',
		latest:
			'La répartition des roles entre la métropole et les commune reste flou, a clarifier lors du prochain seminaire.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous:
			"La charte de coopération n'est pas rédigée, le groupe de travail ne s'est pas réuni.",
		latest:
			"Idem : la charte de coopération n'est toujours pas rédigée, le groupe de travail ne s'est pas réuni.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous:
			"Le chef de projet fait bien le lien entre les structures, son poste est financé jusqu'en décembre.",
		latest:
			"Le chef de projet fait le lien entre les structures ; son poste est financé jusqu'à fin décembre.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'paraphrase',
		previous: 'Toujours pas de convention signée avec la Région.',
		latest: "La convention avec la Région n'est toujours pas signée.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'paraphrase',
		previous: 'Le Département ne participe plus aux réunions techniques.',
		latest: 'Plus de participation du Département aux réunions techniques.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous:
			'Les indicateurs actuels mesurent surtout les réalisations (nombre de réunions, de participants). Rien ne mesure encore la qualité des relations entre partenaires.',
		latest:
			'Les indicateurs actuels mesurent surtout les réalisations (nombre de réunions, de participants). Rien ne mesure encore la qualité des relations entre partenaires. À revoir.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: "12 exploitants engagés sur 20 visés ; la chambre d'agriculture relance les autres.",
		latest: "14 exploitants engagés sur 20 visés ; la chambre d'agriculture relance les autres.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'reordered',
		previous:
			"Les élus sont mobilisés, les techniciens suivent, mais les associations d'usagers manquent.",
		latest:
			"Les associations d'usagers manquent, mais les élus sont mobilisés et les techniciens suivent.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous:
			'Les rôles de chacun restent à préciser dans la convention. Le groupe de travail se réunit en avril.',
		latest:
			'Les rôles de chacun restent à préciser dans la convention. Le groupe de travail se réunit en mai.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: 'Participation régulière des trois intercommunalités, mais toujours sans les élus.',
		latest: 'Participation régulière des trois intercommunalités mais sans les élus.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous:
			'Sujet bien cerné : la restauration collective dans les 12 collèges. Les achats locaux progressent.',
		latest:
			'Sujet bien cerné (restauration collective dans les 12 collèges) ; les achats locaux progressent.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'paraphrase',
		previous: "Pas d'avancée sur l'évaluation, on en reste au décompte des réunions.",
		latest: "Aucune avancée sur l'évaluation : on compte toujours les réunions.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'reordered',
		previous:
			'Le tiers facilitateur reste indispensable, les partenaires le sollicitent à chaque blocage.',
		latest:
			'Les partenaires sollicitent le tiers facilitateur à chaque blocage ; il reste indispensable.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: 'ÉLUS PEU PRÉSENTS AUX RÉUNIONS, LE PRÉSIDENT DÉLÈGUE.',
		latest: 'Élus peu présents aux réunions, le président délègue.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: 'Les communes se sont approprié le projet, la dynamique est bonne.',
		latest: 'Les communes se sont approprié le projet, la dynamique est très bonne.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous:
			"Le contenu du projet reste trop général : « développer les coopérations » ne dit rien de ce qu'on fera concrètement en 2026. Proposition : choisir deux actions pilotes.",
		latest:
			"Le contenu du projet reste trop général : « développer les coopérations » ne dit rien de ce que l'on fera concrètement en 2026. Proposition : choisir 2 actions pilotes.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'reordered',
		previous: 'Réunion annulée faute de quorum. Prochaine date fixée au 4 juin.',
		latest: 'Prochaine date fixée au 4 juin. Réunion annulée faute de quorum.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'paraphrase',
		previous: 'Les petites communes ne se sentent pas écoutées face à la ville-centre.',
		latest: 'Face à la ville-centre, les petites communes ne se sentent toujours pas écoutées.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: "Les engagements du syndicat des eaux n'ont pas été notifiés.",
		latest: "Les engagements du syndicat des eaux n'ont toujours pas été notifiés.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: 'Convention signée par 4 communes sur 6.',
		latest: 'Convention signée par 4 communes sur 6 (idem).',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous:
			"La coopération repose encore beaucoup sur la personne de Mme Leroy ; si elle part, tout s'arrête. Il faudrait partager l'animation.",
		latest:
			"La coopération repose beaucoup sur Mme Leroy : si elle part, tout s'arrête. Il faudrait partager l'animation entre partenaires.",
		repetition: true
	},

	// --- French: formulaic comments ------------------------------------------------------------
	{ lang: 'fr', kind: 'formulaic', previous: 'RAS', latest: 'R.A.S.', repetition: true },
	{
		lang: 'fr',
		kind: 'formulaic',
		previous: 'Idem.',
		latest: 'Rien de nouveau',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'formulaic',
		previous: 'Rien à signaler.',
		latest: 'RAS',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'formulaic',
		previous: 'Pas de changement',
		latest: 'Pas de changement depuis la dernière revue.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'formulaic',
		previous: 'voir précédent',
		latest: 'cf. précédent',
		repetition: true
	},
	{ lang: 'fr', kind: 'formulaic', previous: '', latest: 'RAS', repetition: true },
	{
		lang: 'fr',
		kind: 'formulaic',
		previous: 'Rien de nouveau ce trimestre.',
		latest: 'Idem',
		repetition: true
	},
	{ lang: 'fr', kind: 'formulaic', previous: 'Néant', latest: 'ras', repetition: true },
	{
		lang: 'fr',
		kind: 'formulaic',
		previous: 'Sans changement.',
		latest: 'Inchangé.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'formulaic',
		previous: 'Voir revue précédente',
		latest: 'Idem revue précédente',
		repetition: true
	},
	{ lang: 'fr', kind: 'formulaic', previous: '-', latest: '', repetition: true },
	{
		lang: 'fr',
		kind: 'formulaic',
		previous: 'RAS.',
		latest: 'Rien à signaler pour ce point.',
		repetition: true
	},
	{ lang: 'fr', kind: 'formulaic', previous: 'Idem', latest: 'idem', repetition: true },
	{ lang: 'fr', kind: 'formulaic', previous: '', latest: '', repetition: true },
	{
		lang: 'fr',
		kind: 'formulaic',
		previous: 'pas de changement',
		latest: 'no change',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'formulaic',
		previous: 'Même chose que la dernière fois.',
		latest: 'Comme précédemment.',
		repetition: true
	},

	// --- French: a formula next to real content ------------------------------------------------
	{
		lang: 'fr',
		kind: 'formulaic_vs_content',
		previous: 'RAS',
		latest: 'RAS sur le calendrier, mais la Région annonce une baisse de 30 % de sa subvention.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'formulaic_vs_content',
		previous: 'Idem',
		latest: 'Le groupe de travail eau potable a produit sa première note, discutée en bureau.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'formulaic_vs_content',
		previous: 'Rien de nouveau.',
		latest: "Nouvelle présidente à l'intercommunalité : la rencontrer avant le prochain comité.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'formulaic_vs_content',
		previous: 'Voir précédent',
		latest:
			"Voir précédent + départ de la directrice de l'office de tourisme, à remplacer au comité.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'formulaic_vs_content',
		previous: 'Pas de changement de gouvernance prévu.',
		latest: 'Changement de gouvernance acté : présidence tournante annuelle.',
		repetition: false
	},

	// --- French: different comments on the same actors, committee or subject -------------------
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous:
			'Le comité de pilotage du 12 mars a validé le budget 2026 ; la Région confirme sa participation.',
		latest:
			"Le comité de pilotage du 12 mars a été reporté ; la Région n'a pas encore confirmé sa participation.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'Les élus de la communauté de communes sont très présents et portent le projet.',
		latest:
			'Les élus de la communauté de communes ne viennent plus aux réunions depuis les municipales.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "La chambre d'agriculture anime le groupe des producteurs, qui se réunit chaque mois.",
		latest:
			"La chambre d'agriculture souhaite se retirer de l'animation du groupe des producteurs faute de moyens.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "Le diagnostic territorial a été partagé avec l'ensemble des partenaires en janvier.",
		latest:
			'Le diagnostic territorial doit être actualisé : les données datent de 2019 et ne reflètent plus la situation.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "Le chargé de mission fait bien le lien entre les communes et l'agglomération.",
		latest:
			"Le chargé de mission quitte son poste en juin ; il faut organiser la passation avec l'agglomération.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'La convention de partenariat précise les engagements de chacun.',
		latest:
			'La convention de partenariat ne dit rien des engagements financiers de la Région, à compléter.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "Les associations ont été associées au choix des indicateurs d'évaluation.",
		latest:
			"Les indicateurs d'évaluation ne mesurent que le nombre de réunions, pas les relations entre partenaires.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'Bonne dynamique au sein du groupe technique, les échanges sont francs.',
		latest:
			'Le groupe technique tourne en rond : les mêmes points reviennent à chaque réunion sans décision.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'La Région et le Département se disputent le pilotage du volet mobilité.',
		latest:
			'La Région et le Département ont trouvé un accord : co-pilotage du volet mobilité à partir de septembre.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "Séminaire d'interconnaissance prévu le 3 octobre à Montbrison.",
		latest:
			"Le séminaire d'interconnaissance du 3 octobre a réuni 35 personnes ; très bons retours.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'Le PETR joue un rôle de tiers neutre apprécié de tous.',
		latest: 'Le PETR est perçu comme partial par deux communes, sa neutralité est contestée.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'Les niveaux politique et technique sont représentés au comité.',
		latest:
			'Seul le niveau technique est représenté au comité depuis six mois : relancer les élus.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "L'ambition du projet a été reformulée en une phrase lors du dernier bureau.",
		latest:
			"L'ambition du projet reste floue pour les nouveaux partenaires, qui ne savent pas ce qu'on attend d'eux.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous:
			"Projet d'épicerie solidaire abandonné faute de local ; retour d'expérience rédigé et partagé.",
		latest: "Projet d'épicerie solidaire : local trouvé, ouverture prévue en mars.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'Les engagements pris en comité sont envoyés par courrier à chaque signataire.',
		latest:
			"Les engagements pris en comité n'ont pas été transmis aux maires, qui découvrent leurs obligations.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'Rythme des réunions trop soutenu pour les petites communes, risque d’épuisement.',
		latest: 'Rythme des réunions allégé à une par trimestre, les petites communes reviennent.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous:
			'Question de la légalité du groupement de commandes posée au service juridique de la préfecture.',
		latest:
			'Le service juridique de la préfecture confirme la légalité du groupement de commandes.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "Le collège des usagers ne s'est pas réuni ce trimestre.",
		latest:
			"Le collège des usagers s'est réuni deux fois ce trimestre et a rendu un avis sur le tracé.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "Mme Bernard (Région) a présenté le nouveau règlement d'intervention.",
		latest: "Mme Bernard (Région) quitte ses fonctions, son successeur n'est pas encore nommé.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'Le volet formation avance : 3 sessions organisées pour les agents des communes.',
		latest: "Le volet formation est à l'arrêt, aucune session organisée faute de formateur.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous:
			"Risque de vouloir tout faire à la fois : l'appel à projets européen est trop lourd pour nous.",
		latest:
			"Nous avons renoncé à l'appel à projets européen, trop lourd pour l'équipe : bonne décision.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "Le comité a pris le temps d'un tour de table sur les attentes de chacun.",
		latest:
			'Le comité a enchaîné les points techniques sans tour de table, les nouveaux partenaires sont restés silencieux.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'Les engagements du syndicat des eaux ont été notifiés par courrier le 2 février.',
		latest: "Les engagements du syndicat des eaux n'ont toujours pas été notifiés.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'Convention signée par 4 communes sur 6.',
		latest: 'Convention signée par les 6 communes, cérémonie le 15 mai.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "Le bureau d'études a rendu le diagnostic mobilité.",
		latest:
			"Le bureau d'études a rendu un diagnostic mobilité jugé trop théorique, à retravailler avec les usagers.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous:
			'La coopération repose beaucoup sur Mme Leroy, qui a su créer la confiance entre les partenaires.',
		latest:
			"Mme Leroy a passé le relais à M. Dupuis ; l'animation est maintenant partagée entre partenaires.",
		repetition: false
	},

	// --- English -------------------------------------------------------------------------------
	{
		lang: 'en',
		kind: 'copy',
		previous:
			"Steering committee met on 5 March; budget approved, partnership agreement still awaiting the county's signature.",
		latest:
			"Steering committee met on 5 March; budget approved, partnership agreement still awaiting the county's signature.",
		repetition: true
	},
	{
		lang: 'en',
		kind: 'near_copy',
		previous: 'Quarterly meeting held on 12 May. All four municipalities attended, minutes circulated.',
		latest:
			'Quarterly meeting held on 9 September. All four municipalities attended, minutes circulated.',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'near_copy',
		previous:
			'Roles are clear on paper but the water board still acts alone on operational matters.',
		latest: 'roles are clear on paper, but the water board still acts alone on operational matters',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'reordered',
		previous:
			'The neutral facilitator keeps the group together. Funding for her post ends in December.',
		latest:
			'Funding for her post ends in December. The neutral facilitator keeps the group together.',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'formulaic',
		previous: 'No change.',
		latest: 'nothing new',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'formulaic',
		previous: 'Same as before',
		latest: 'See previous review.',
		repetition: true
	},
	{ lang: 'en', kind: 'formulaic', previous: 'N/A', latest: '', repetition: true },
	{
		lang: 'en',
		kind: 'formulaic',
		previous: 'Nothing to report.',
		latest: 'No change since last review.',
		repetition: true
	},
	{ lang: 'en', kind: 'formulaic', previous: 'OK', latest: 'ok, nothing new', repetition: true },
	{
		lang: 'en',
		kind: 'formulaic_vs_content',
		previous: 'No change.',
		latest:
			'No change in the budget, but the housing association has pulled out of the project.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'The housing association joined the steering committee in April.',
		latest:
			'The housing association left the steering committee in April after the dispute over rents.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'Evaluation still only counts meetings held, not what the partnership produces.',
		latest:
			'Evaluation framework agreed: we will track joint decisions and shared resources, not just meetings held.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'Political level well represented: two mayors and the county councillor attend.',
		latest: 'Only technical staff attended; no mayor has come since the election.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'The university acts as a neutral broker between the two towns.',
		latest:
			'The university is no longer seen as neutral since it bid for the same contract as one of the towns.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'Partners were informed in writing of the commitments made at the March committee.',
		latest:
			'Partners have not been informed of the commitments made at the March committee; letters still to be sent.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'We took time for an informal lunch before the workshop; trust is growing.',
		latest:
			'No time was taken to get to know each other; the workshop went straight into technical issues.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'near_copy',
		previous: 'The comittee has not yet agreed on the shared ambition statment.',
		latest: 'The committee has not yet agreed on the shared ambition statement.',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'near_copy',
		previous: 'Power issues between the two municipalities are still unspoken.',
		latest: 'Power issues between the two municipalities are still largely unspoken.',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'paraphrase',
		previous: 'Still no signed agreement with the region.',
		latest: 'The agreement with the region has still not been signed.',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'near_copy',
		previous:
			'Three of the five partners have staff dedicated to the project; the other two rely on volunteers.',
		latest:
			'Three of the five partners have dedicated staff on the project, the other two rely on volunteers.',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous:
			'The pilot on shared school meals was a failure; lessons written up and shared with the network.',
		latest: 'The pilot on shared school meals is going well; two more schools want to join.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'Committee meets every two months, attendance is good.',
		latest: 'Committee has not met for five months, attendance had been dropping.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'near_copy',
		previous: 'Stakes are clear to the technical staff, less so to the elected members.',
		latest: 'Stakes are clear to the technical staff, less so to the new elected members.',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous:
			'Legal status of the joint purchasing group checked with the prefecture: it is lawful.',
		latest: 'Legal status of the joint purchasing group still to be checked with the prefecture.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'near_copy',
		previous: 'Agreement signed by 4 of the 6 towns.',
		latest: 'Agreement signed by 4 of the 6 towns (same as last time).',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'The county has appointed a new project officer who knows the area well.',
		latest: 'The county has not replaced the project officer who left in June.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: "Residents' panel gave its opinion on the bus route, taken into account.",
		latest: "Residents' panel opinion on the bus route was ignored, members are frustrated.",
		repetition: false
	},
	{
		lang: 'en',
		kind: 'reordered',
		previous: "Trust between the farmers' union and the water agency is still fragile.",
		latest: "Trust between the water agency and the farmers' union is still fragile.",
		repetition: true
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'Working group on data sharing set up, first meeting in October.',
		latest: 'Working group on data sharing dissolved, nobody attended since October.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'near_copy',
		previous:
			'Joint bid for the EU rural fund submitted in January; answer expected before summer. The lead partner is the Pays.',
		latest:
			'Joint bid for the EU rural fund submitted in January, answer expected before the summer; the lead partner is the Pays.',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous:
			'Joint bid for the EU rural fund submitted in January; answer expected before summer.',
		latest:
			'Joint bid for the EU rural fund rejected: the partnership was judged too recent. Debrief planned with the managing authority.',
		repetition: false
	},

	// --- Written after the first tuning round, then scored unseen as a held-out check --------
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: "Le groupe projet a tenu ses trois réunions prévues ; le compte rendu de la dernière n'a pas encore été validé.",
		latest: "Le groupe projet a tenu ses 3 réunions prévues, le compte-rendu de la dernière n'est pas encore validé.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'Le groupe projet a tenu ses trois réunions prévues.',
		latest: "Le groupe projet n'a tenu qu'une des trois réunions prévues, faute de participants.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: "Enjeu de l'accès à l'eau partagé par les deux syndicats, formulé simplement dans la note de cadrage.",
		latest: "Enjeu de l'accès à l'eau partagé par les deux syndicats et formulé simplement dans la note de cadrage de janvier.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "La note de cadrage formule simplement l'enjeu de l'accès à l'eau.",
		latest: "La note de cadrage est jugée trop technique par les élus : l'enjeu de l'accès à l'eau n'est pas compris.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'reordered',
		previous: 'Pas de rapport de pouvoir apparent. La ville-centre laisse la présidence aux petites communes.',
		latest: 'La ville-centre laisse la présidence aux petites communes ; pas de rapport de pouvoir apparent.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'La ville-centre laisse la présidence aux petites communes.',
		latest: "La ville-centre veut reprendre la présidence, les petites communes s'y opposent.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: "Attente de la réponse de l'ARS sur le financement du poste de coordinatrice (relancée le 10/01).",
		latest: "Toujours en attente de la réponse de l'ARS sur le financement du poste de coordinatrice (relancée le 15/04).",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "Attente de la réponse de l'ARS sur le financement du poste de coordinatrice.",
		latest: "L'ARS finance le poste de coordinatrice pour trois ans, recrutement lancé.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: 'Les partenaires ont été informés de leurs engagements lors du COPIL, un courrier a suivi.',
		latest: 'Les partenaires ont été informé de leur engagements lors du copil, un courier a suivi.',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'Les partenaires ont été informés de leurs engagements lors du COPIL.',
		latest: "Les partenaires découvrent en COPIL des engagements qu'on ne leur a jamais présentés.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'paraphrase',
		previous: "Nous n'avons toujours pas de retour d'expérience écrit sur l'échec du transport à la demande.",
		latest: "Pas encore de retour d'expérience écrit sur l'échec du transport à la demande.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: "Retour d'expérience sur l'échec du transport à la demande présenté au conseil communautaire.",
		latest: "L'échec du transport à la demande n'a jamais été analysé, le sujet reste tabou.",
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'near_copy',
		previous: 'Coopération légitime aux yeux des habitants ; la question de la légalité des subventions croisées reste posée.',
		latest: 'Coopération légitime aux yeux des habitants. La question de la légalité des subventions croisées reste posée !',
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'shared_vocabulary',
		previous: 'La question de la légalité des subventions croisées reste posée.',
		latest: 'La préfecture a tranché la question de la légalité : les subventions croisées sont possibles sous conditions.',
		repetition: false
	},
	{
		lang: 'fr',
		kind: 'formulaic',
		previous: 'Rien de particulier.',
		latest: "Pas d'évolution.",
		repetition: true
	},
	{
		lang: 'fr',
		kind: 'formulaic_vs_content',
		previous: "Pas d'évolution.",
		latest: 'Évolution notable : la Région rejoint le comité technique.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'near_copy',
		previous: 'Good mix of political and technical levels at the last committee; the two vice-presidents attended.',
		latest: 'Good mix of political and technical levels at the committee, the two vice-presidents attended.',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'Good mix of political and technical levels at the committee.',
		latest: 'Poor mix of levels at the committee: the vice-presidents sent their assistants.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'reordered',
		previous: 'Trust is building slowly. The new director is open to sharing data.',
		latest: 'The new director is open to sharing data. Trust is building slowly.',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'The new director is open to sharing data.',
		latest: 'The new director refuses to share data until the agreement is signed.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'near_copy',
		previous: 'Next workshop on 3 June with the youth associations.',
		latest: 'Next workshop on 17 October with the youth associations.',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'Workshop with the youth associations on 3 June.',
		latest: 'Workshop with the youth associations cancelled on 3 June; only two people registered.',
		repetition: false
	},
	{
		lang: 'en',
		kind: 'formulaic',
		previous: 'Nothing special.',
		latest: 'unchanged',
		repetition: true
	},
	{
		lang: 'en',
		kind: 'shared_vocabulary',
		previous: 'The evaluation measures how many partners share resources.',
		latest: 'The evaluation measures only outputs; how partners share resources is not captured.',
		repetition: false
	}
];
