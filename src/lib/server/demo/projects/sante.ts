/**
 * A well-run partnership: ratings move both ways, comments say what changed, actions get done.
 * It also shows a watch-point due soon (a shorter cadence), one reviewed only every two years
 * and never yet, and one snoozed until the next steering committee.
 */
import type { DemoProject } from '../types';

export const sante: DemoProject = {
	slug: 'cls-val-d-arguenon',
	name: "Contrat local de santé du Val d'Arguenon",
	description:
		"Deuxième contrat local de santé de la communauté de communes, signé avec l'ARS, la CPAM et le centre hospitalier des Quatre Vallées : accès aux soins de premier recours, prévention, santé mentale des jeunes.",
	trigger:
		"Le diagnostic local de santé de l'observatoire régional : près d'un habitant de plus de 70 ans sur trois sans médecin traitant, et trois généralistes de Plancoët et Jugon partant à la retraite dans les deux ans.",
	stakes:
		'Que chacun garde un médecin traitant ; que les jeunes en souffrance psychique n’attendent plus six mois un rendez-vous ; que libéraux, hôpital et services sociaux travaillent enfin ensemble.',
	ambition:
		"D'ici la fin du contrat : un centre de santé intercommunal ouvert, une équipe mobile santé mentale jeunes en service sur tout le territoire, un réseau de prévention animé par les associations locales.",
	startOffset: -620,
	status: 'active',
	defaultCadenceDays: 90,
	defaultGraceDays: 7,
	vocabulary: {
		partenaire: 'la CPAM',
		partenaire2: 'le centre hospitalier',
		terrain: 'les professionnels de la maison de santé',
		chantier: 'le centre de santé intercommunal',
		sujet: "l'accès aux soins de premier recours",
		document: 'le contrat local de santé',
		coord: 'Claire Morvan',
		elu: 'Annick Le Guen',
		public: 'les patients sans médecin traitant',
		copil: 'le comité de pilotage',
		neutre: "l'observatoire régional de santé"
	},
	actors: [
		{
			ref: 'vp',
			name: 'Annick Le Guen',
			organisation: "Communauté de communes du Val d'Arguenon",
			level: 'political',
			role: 'Vice-présidente santé et solidarités',
			responsibilities:
				'Préside le comité de pilotage, porte le contrat devant le conseil communautaire, arbitre les financements intercommunaux.',
			email: 'a.leguen@val-arguenon.example.fr'
		},
		{
			ref: 'maire',
			name: 'Jean-Paul Ollivier',
			organisation: 'Commune de Plancoët',
			level: 'political',
			role: 'Maire, conseiller communautaire',
			responsibilities: 'Met à disposition les locaux du futur centre de santé, relaie auprès des maires du secteur nord.'
		},
		{
			ref: 'dgs',
			name: 'Thierry Mahé',
			organisation: "Communauté de communes du Val d'Arguenon",
			level: 'technical',
			role: 'Directeur général des services',
			responsibilities:
				'Dégage les moyens humains et budgétaires, fait le lien avec l’habitat et la mobilité, suit le projet de centre de santé.'
		},
		{
			ref: 'coord',
			name: 'Claire Morvan',
			organisation: "Communauté de communes du Val d'Arguenon",
			level: 'technical',
			role: 'Coordinatrice du contrat local de santé',
			responsibilities:
				'Anime les instances, prépare les revues, tient le plan d’actions et le tableau des engagements de chacun.',
			email: 'c.morvan@val-arguenon.example.fr'
		},
		{
			ref: 'ars',
			name: 'Philippe Guillou',
			organisation: 'ARS Bretagne — délégation des Côtes-d’Armor',
			level: 'technical',
			role: 'Chargé de mission animation territoriale de santé',
			responsibilities:
				'Cofinance le poste de coordination, mobilise les dispositifs de l’ARS (exercice coordonné, CPTS, prévention).'
		},
		{
			ref: 'cpam',
			name: 'Sophie Régnier',
			organisation: 'CPAM des Côtes-d’Armor',
			level: 'technical',
			role: 'Responsable prévention et accès aux droits',
			responsibilities: 'Porte les actions d’accès aux droits, la prévention bucco-dentaire et l’aide au choix d’un médecin traitant.'
		},
		{
			ref: 'ch',
			name: 'Dr Marc Hervé',
			organisation: 'Centre hospitalier des Quatre Vallées',
			level: 'technical',
			role: 'Chef du pôle de psychiatrie infanto-juvénile',
			responsibilities: 'Pilote l’équipe mobile santé mentale jeunes, met à disposition un temps d’infirmier.'
		},
		{
			ref: 'msp',
			name: 'Élodie Jaouen',
			organisation: 'Maison de santé pluriprofessionnelle de Plancoët',
			level: 'operational',
			role: 'Infirmière coordinatrice',
			responsibilities: 'Relaie le contrat auprès des libéraux, organise les permanences de prévention et l’accueil des internes.'
		},
		{
			ref: 'asso',
			name: 'Yannick Briand',
			organisation: 'Association Arguenon Solidarités',
			level: 'operational',
			role: 'Animateur du point d’accueil santé',
			responsibilities: 'Repère les personnes sans médecin traitant, les accompagne dans leurs démarches, anime les ateliers prévention.'
		},
		{
			ref: 'ors',
			name: 'Nathalie Cadiou',
			organisation: 'Observatoire régional de santé',
			level: 'other',
			role: 'Chargée d’études',
			responsibilities: 'Apporte un regard extérieur et neutre, actualise les indicateurs du diagnostic, anime certaines revues.'
		}
	],
	commitments: [
		{
			actor: 'ars',
			description: 'Cofinancer à 50 % le poste de coordination et l’étude de préfiguration du centre de santé',
			recordedOffset: -612,
			informedOffset: -598
		},
		{
			actor: 'cpam',
			description: 'Financer 20 % du poste de coordination pendant trois ans',
			recordedOffset: -600,
			informedOffset: -588
		},
		{
			actor: 'ch',
			description: 'Mettre à disposition un mi-temps d’infirmier pour l’équipe mobile santé mentale jeunes',
			recordedOffset: -407,
			informedOffset: -399
		},
		{
			actor: 'maire',
			description: 'Mettre à disposition le rez-de-chaussée de l’ancienne perception pour le centre de santé',
			recordedOffset: -316,
			informedOffset: -309
		},
		{
			actor: 'asso',
			description: 'Tenir une permanence hebdomadaire d’accès aux droits à Plancoët et à Jugon',
			recordedOffset: -224,
			informedOffset: -219
		},
		{
			actor: 'msp',
			description: 'Accueillir deux internes de médecine générale par semestre',
			recordedOffset: -6,
			informedOffset: null
		}
	],
	reviews: [
		{
			offset: -590,
			facilitator: 'coord',
			participants: ['vp', 'maire', 'dgs', 'coord', 'ars', 'cpam', 'ch', 'ors'],
			notes:
				'Comité de pilotage d’installation du contrat. Présentation du diagnostic par l’ORS, validation des trois axes (premier recours, prévention, santé mentale des jeunes).'
		},
		{
			offset: -498,
			facilitator: 'coord',
			participants: ['vp', 'coord', 'ars', 'cpam', 'msp', 'asso'],
			notes:
				'Comité élargi pour la première fois à la maison de santé et à Arguenon Solidarités. Premier point d’étape sur le plan d’actions.'
		},
		{
			offset: -407,
			facilitator: 'coord',
			participants: ['coord', 'ars', 'cpam', 'ch', 'msp'],
			notes:
				'Revue technique sans les élus (conseil communautaire le même soir). Essentiellement consacrée à l’équipe mobile santé mentale jeunes.'
		},
		{
			offset: -316,
			facilitator: 'coord',
			participants: ['vp', 'maire', 'dgs', 'coord', 'ars', 'ch', 'asso'],
			notes:
				'Revue organisée après l’échec du recrutement d’un médecin salarié. Séance longue, franche, utile : on a remis à plat le calendrier du centre de santé.'
		},
		{
			offset: -224,
			facilitator: 'coord',
			participants: ['vp', 'coord', 'cpam', 'msp', 'asso', 'ors'],
			notes: 'Premiers indicateurs présentés par l’ORS. Débat sur la place de la CPAM dans le pilotage.'
		},
		{
			offset: -131,
			facilitator: 'ors',
			participants: ['vp', 'dgs', 'coord', 'ars', 'cpam', 'ch', 'msp', 'asso', 'ors'],
			notes:
				'Bilan à mi-parcours, animé par l’ORS pour que la coordinatrice puisse participer comme les autres. Tous les signataires présents.'
		},
		{
			offset: -40,
			facilitator: 'coord',
			participants: ['vp', 'maire', 'coord', 'ars', 'ch', 'msp', 'asso'],
			notes: 'Comité de pilotage à la mairie de Plancoët, suivi d’une visite des futurs locaux du centre de santé.'
		}
	],
	tracked: [
		// the trigger is history by now: looked at once a year
		{ key: 'trigger-element', owner: 'coord', cadenceDays: 365, ratings: '3---4' },
		{ key: 'defined-subject', owner: 'coord', ratings: '2233434' },
		{ key: 'strong-stakes', owner: 'vp', ratings: '3323344' },
		{
			key: 'committed-actors',
			owner: 'coord',
			ratings: '2123343',
			comments: {
				0: "La CPAM et l'ARS ont signé, mais personne n'a encore été désigné côté CPAM pour suivre le contrat au quotidien. Le qui fait quoi reste à écrire.",
				1: "Départ du référent ARS, son successeur n'a pas été présenté. Deux réunions sans la CPAM. Le tableau qui fait quoi n'existe toujours pas : on recule.",
				2: "Philippe Guillou a repris le dossier côté ARS et s'est présenté à chaque partenaire. Sophie Régnier désignée référente CPAM. Tableau qui fait quoi diffusé, encore incomplet sur l'hôpital.",
				3: "L'hôpital a nommé le Dr Hervé pour l'équipe mobile ; le tableau qui fait quoi est complet et chacun l'a relu. Reste la charge de travail de Claire, seule à tout porter.",
				4: 'Un stagiaire de l’IEP épaule la coordination pendant six mois. Les partenaires tiennent leurs engagements, sauf les délais de la CPAM sur l’accès aux droits.',
				5: 'Tous les signataires présents au bilan à mi-parcours, chacun a présenté ses propres actions. C’est la première fois que la coordination ne fait pas tout le compte rendu.',
				6: 'Le DGS change de poste le mois prochain : il faudra présenter le contrat à son successeur et vérifier que le centre de santé reste en tête de ses priorités.'
			}
		},
		{ key: 'participative-structure', owner: 'coord', ratings: '2233443' },
		{
			key: 'cooperation-evaluation',
			owner: 'ors',
			ratings: '1122334',
			comments: {
				0: "Aucun indicateur au-delà du nombre de réunions tenues. On ne sait pas mesurer ce que la coopération change pour les habitants.",
				1: "L'ORS propose trois indicateurs (patients sans médecin traitant, délais en CMP, participation aux ateliers). Pas encore validés par le comité.",
				2: 'Indicateurs validés, mais les données de la CPAM arrivent avec six mois de retard : on pilote à l’aveugle sur le premier recours.',
				3: "Convention d'échange de données signée avec la CPAM. On ajoute un indicateur qualitatif : les liens nouveaux entre professionnels (qui appelle qui).",
				4: "Premier tableau de bord complet. Le nombre d'appels entre la MSP et le CMP a doublé en un an, c'est le signe le plus parlant pour les élus.",
				5: "Bilan à mi-parcours structuré autour des indicateurs et des récits des professionnels. Les élus ont retenu les récits plus que les chiffres, à garder.",
				6: 'Tableau de bord mis à jour chaque trimestre par l’ORS et présenté au conseil communautaire. Les partenaires le citent d’eux-mêmes dans leurs propres rapports.'
			}
		},
		{ key: 'resource-people', owner: 'coord', ratings: '3344343' },
		{ key: 'have-content', owner: 'dgs', ratings: '2334434' },
		{ key: 'selective-opportunities', owner: 'coord', ratings: '2323', snoozeOffset: 24 },
		{ key: 'get-acquainted', owner: 'msp', ratings: '2334344' },
		{ key: 'power-stakes', owner: 'vp', ratings: '2212333' },
		{ key: 'willingness-limits', owner: 'vp', cadenceDays: 180, ratings: '-2-3-3' },
		{ key: 'shared-stakes', owner: 'vp', ratings: '3334433' },
		{ key: 'adapt-to-context', owner: 'msp', cadenceDays: 365, ratings: '--3--4' },
		{ key: 'informed-commitments', owner: 'coord', cadenceDays: 45, ratings: '2233344' },
		{ key: 'mobilise-actors', owner: 'vp', ratings: '3323433' },
		{ key: 'actor-levels', owner: 'dgs', ratings: '2232343' },
		{
			key: 'learn-from-failures',
			owner: 'coord',
			ratings: '-213334',
			comments: {
				1: "L'annulation de la journée prévention (trois inscrits) n'a pas été discutée : on est passé à autre chose. Dommage.",
				2: "Le recrutement d'un médecin salarié a échoué : aucun candidat en six mois. L'échec est vécu comme une faute de la communauté de communes, personne n'ose en parler.",
				3: 'Séance dédiée à l’échec du recrutement : salaire proposé trop bas, pas de logement, pas de projet médical écrit. Retour d’expérience rédigé et partagé avec les partenaires.',
				4: 'Les leçons du recrutement raté ont servi : fiche de poste réécrite avec les médecins de la MSP, logement proposé par la commune. Deux candidatures sérieuses reçues.',
				5: 'La journée prévention relancée avec les associations plutôt que par la communauté de communes : quarante participants. On garde l’habitude du retour d’expérience après chaque action.',
				6: "Le retour d'expérience sur le recrutement a été présenté au réseau régional des coordinateurs de CLS. Deux territoires nous ont déjà contactés pour en parler."
			}
		},
		{ key: 'watch-habits', owner: 'ors', cadenceDays: 180, ratings: '--3-3-4' },
		// asked again when the contract is renewed, every two years: not yet
		{ key: 'cooperation-legitimacy', owner: 'dgs', cadenceDays: 730, ratings: '' }
	],
	actions: [
		{ review: 0, key: 'committed-actors', title: 'Obtenir de la CPAM la désignation d’un référent pour le contrat', owner: 'coord', dueAfter: 45, status: 'done', closedAfter: 92 },
		{ review: 0, key: 'cooperation-evaluation', title: 'Définir avec l’ORS trois indicateurs de suivi partagés', owner: 'ors', dueAfter: 120, status: 'done', closedAfter: 150 },
		{ review: 1, key: 'get-acquainted', title: 'Organiser une matinée d’immersion des élus à la maison de santé de Plancoët', owner: 'msp', dueAfter: 60, status: 'done', closedAfter: 52 },
		{ review: 2, key: 'power-stakes', title: 'Clarifier avec le centre hospitalier qui pilote l’équipe mobile santé mentale jeunes', owner: 'dgs', dueAfter: 60, status: 'done', closedAfter: 81 },
		{ review: 3, key: 'learn-from-failures', title: 'Rédiger le retour d’expérience sur le recrutement manqué du médecin salarié', owner: 'coord', dueAfter: 45, status: 'done', closedAfter: 38 },
		{ review: 3, key: 'selective-opportunities', title: 'Répondre à l’appel à projets régional de télémédecine', owner: 'coord', dueAfter: 30, status: 'dropped', closedAfter: 19 },
		{ review: 4, key: 'informed-commitments', title: 'Envoyer à chaque signataire le récapitulatif de ses engagements', owner: 'coord', dueAfter: 30, status: 'done', closedAfter: 21 },
		{ review: 5, key: 'actor-levels', title: 'Inviter les maires des communes sans médecin au prochain comité', owner: 'vp', dueAfter: 80, status: 'done', closedAfter: 88 },
		{ review: 5, key: 'cooperation-evaluation', title: 'Présenter le bilan à mi-parcours au conseil communautaire', owner: 'dgs', dueAfter: 111, status: 'open' },
		{ review: 6, key: 'have-content', title: 'Finaliser le cahier des charges du centre de santé intercommunal', owner: 'dgs', dueAfter: 75, status: 'open' },
		{ review: 6, key: 'mobilise-actors', title: 'Associer les pharmaciens d’officine à la campagne de vaccination', owner: 'msp', dueAfter: 60, status: 'open' }
	]
};
