/**
 * A project on hold: the food programme lost its coordinator, ratings slid over the last
 * reviews, and the steering committee paused it until someone is recruited. A paused project
 * raises no alert, however old its last review.
 */
import type { DemoProject } from '../types';

export const alimentation: DemoProject = {
	slug: 'pat-sud-morvan',
	name: 'Projet alimentaire territorial du Sud-Morvan',
	description:
		"Projet alimentaire territorial porté par le Pays avec la chambre d'agriculture, le Département et le réseau des AMAP : davantage de produits locaux dans les cantines, une légumerie partagée, des débouchés pour les jeunes maraîchers.",
	trigger:
		"La reconnaissance officielle du projet alimentaire territorial, et une enquête auprès des cantines : moins d'un dixième de produits locaux, alors que les maraîchers du territoire cherchent des débouchés réguliers.",
	stakes:
		'Des repas de cantine faits avec des produits du territoire ; des revenus réguliers pour les producteurs ; une légumerie qui ne dépende pas d’une seule commune.',
	ambition:
		'Un tiers de produits locaux dans les cantines des collèges et des écoles, une légumerie partagée ouverte, un espace test pour installer deux maraîchers par an.',
	startOffset: -590,
	status: 'paused',
	statusOffset: -90,
	defaultCadenceDays: 90,
	defaultGraceDays: 7,
	vocabulary: {
		partenaire: "la chambre d'agriculture",
		partenaire2: 'le Département',
		terrain: 'les cuisiniers des collèges',
		chantier: 'la légumerie',
		sujet: "l'approvisionnement local des cantines",
		document: 'la charte du projet alimentaire',
		coord: 'Aurélie Ravier',
		elu: 'Françoise Desbrosses',
		public: 'les maraîchers du territoire',
		copil: 'le comité de pilotage du PAT',
		neutre: 'le Parc naturel régional'
	},
	actors: [
		{
			ref: 'pres',
			name: 'Françoise Desbrosses',
			organisation: 'Pays Sud-Morvan',
			level: 'political',
			role: 'Présidente du Pays',
			responsibilities: 'Préside le comité de pilotage du PAT, porte le recrutement de la chargée de mission.'
		},
		{
			ref: 'maire',
			name: 'Denis Lagrange',
			organisation: 'Commune de Moulins-Engilbert',
			level: 'political',
			role: 'Maire, élu référent alimentation',
			responsibilities: 'Propose l’ancien atelier municipal pour la légumerie.'
		},
		{
			ref: 'cm',
			name: 'Aurélie Ravier',
			organisation: 'Pays Sud-Morvan',
			level: 'technical',
			role: 'Chargée de mission alimentation (partie, poste vacant)',
			responsibilities: 'Animait le PAT, les revues et les commandes groupées jusqu’à son départ.'
		},
		{
			ref: 'chambre',
			name: 'Olivier Bonnot',
			organisation: "Chambre d'agriculture de la Nièvre",
			level: 'technical',
			role: 'Conseiller circuits courts',
			responsibilities: 'Identifie les producteurs, aide à structurer l’offre et la logistique.'
		},
		{
			ref: 'dept',
			name: 'Claire Perrin',
			organisation: 'Département de la Nièvre',
			level: 'technical',
			role: 'Responsable de la restauration des collèges',
			responsibilities: 'Engage les collèges dans les commandes groupées, adapte les marchés publics.'
		},
		{
			ref: 'cuisine',
			name: 'Sandrine Mathé',
			organisation: 'Collège du Sud-Morvan',
			level: 'operational',
			role: 'Cheffe de cuisine',
			responsibilities: 'Teste les commandes groupées, fait remonter les contraintes des cuisines.'
		},
		{
			ref: 'amap',
			name: 'Rémi Guyot',
			organisation: 'Réseau des AMAP du Morvan',
			level: 'operational',
			role: 'Maraîcher, porte-parole du réseau',
			responsibilities: 'Représente les producteurs, organise l’approvisionnement de la légumerie.'
		},
		{
			ref: 'parc',
			name: 'Jérôme Lefort',
			organisation: 'Parc naturel régional du Morvan',
			level: 'other',
			role: 'Chargé de mission agriculture',
			responsibilities: 'Apporte son expertise et un regard neutre entre producteurs et collectivités.'
		}
	],
	commitments: [
		{
			actor: 'amap',
			description: 'Fournir trois tonnes de légumes par an à la légumerie à prix convenu',
			recordedOffset: -377,
			informedOffset: -360
		},
		{
			actor: 'dept',
			description: 'Réserver un quart du marché des collèges aux produits locaux',
			recordedOffset: -468,
			informedOffset: -455
		},
		{
			actor: 'maire',
			description: 'Mettre à disposition l’ancien atelier municipal pour la légumerie',
			recordedOffset: -285,
			informedOffset: -276
		}
	],
	reviews: [
		{
			offset: -560,
			facilitator: 'cm',
			participants: ['pres', 'maire', 'cm', 'chambre', 'dept', 'amap', 'parc'],
			notes: 'Comité de pilotage de lancement. Restitution de l’enquête auprès des cantines.'
		},
		{
			offset: -468,
			facilitator: 'cm',
			participants: ['pres', 'cm', 'chambre', 'dept', 'cuisine', 'amap'],
			notes: 'Revue tenue au collège, déjeuner préparé avec des légumes du réseau des AMAP.'
		},
		{
			offset: -377,
			facilitator: 'parc',
			participants: ['maire', 'cm', 'chambre', 'cuisine', 'amap', 'parc'],
			notes: 'Revue animée par le Parc après la tension entre producteurs et Département sur les prix.'
		},
		{
			offset: -285,
			facilitator: 'cm',
			participants: ['pres', 'maire', 'cm', 'dept', 'amap'],
			notes: 'Visite de l’ancien atelier municipal, estimation sommaire des travaux.'
		},
		{
			offset: -196,
			facilitator: 'cm',
			participants: ['pres', 'cm', 'chambre', 'dept', 'cuisine'],
			notes: 'Aurélie Ravier annonce son départ. Discussion sur la continuité du projet.'
		},
		{
			offset: -104,
			facilitator: 'pres',
			participants: ['pres', 'maire', 'chambre', 'dept', 'amap', 'parc'],
			notes: 'Dernière revue avant la pause : poste de chargée de mission vacant, le comité suspend le projet jusqu’au recrutement.'
		}
	],
	tracked: [
		{ key: 'trigger-element', owner: 'pres', ratings: '443323' },
		{ key: 'defined-subject', owner: 'cm', ratings: '233221' },
		{ key: 'strong-stakes', owner: 'pres', ratings: '343322' },
		{ key: 'committed-actors', owner: 'cm', ratings: '334321' },
		{ key: 'participative-structure', owner: 'cm', ratings: '223321' },
		{ key: 'cooperation-evaluation', owner: 'parc', cadenceDays: 365, ratings: '-2--2' },
		{ key: 'resource-people', owner: 'parc', ratings: '344321' },
		{ key: 'have-content', owner: 'chambre', ratings: '123432' },
		{ key: 'selective-opportunities', owner: 'pres', ratings: '332121' },
		{ key: 'get-acquainted', owner: 'parc', ratings: '234432' },
		{ key: 'power-stakes', owner: 'pres', cadenceDays: 365, ratings: '--2-2' },
		{ key: 'willingness-limits', owner: 'pres', ratings: '232212' },
		{ key: 'adapt-to-context', owner: 'chambre', ratings: '343343' },
		{ key: 'informed-commitments', owner: 'cm', cadenceDays: 365, ratings: '3--3' },
		{ key: 'mobilise-actors', owner: 'pres', cadenceDays: 365, ratings: '3---2' },
		{ key: 'actor-levels', owner: 'pres', cadenceDays: 365, ratings: '-3---2' },
		{ key: 'shared-stakes', owner: 'pres', ratings: '233432' },
		{ key: 'learn-from-failures', owner: 'parc', ratings: '-12233' },
		{ key: 'watch-habits', owner: 'parc', cadenceDays: 365, ratings: '' },
		{ key: 'cooperation-legitimacy', owner: 'pres', cadenceDays: 365, ratings: '3' }
	],
	actions: [
		{ review: 0, key: 'have-content', title: 'Enquêter sur les besoins d’approvisionnement des quatorze cantines', owner: 'cm', dueAfter: 60, status: 'done', closedAfter: 58 },
		{ review: 1, key: 'have-content', title: 'Organiser une commande groupée test de légumes pour trois collèges', owner: 'dept', dueAfter: 75, status: 'done', closedAfter: 70 },
		{ review: 2, key: 'get-acquainted', title: 'Visiter une légumerie en fonctionnement avec les élus et les producteurs', owner: 'parc', dueAfter: 60, status: 'done', closedAfter: 47 },
		{ review: 3, key: 'selective-opportunities', title: 'Répondre à l’appel à projets national sur les légumeries', owner: 'cm', dueAfter: 30, status: 'dropped', closedAfter: 20 },
		{ review: 3, key: 'have-content', title: 'Chiffrer l’aménagement de l’ancien atelier en légumerie', owner: 'maire', dueAfter: 90, status: 'open' },
		{ review: 4, key: 'learn-from-failures', title: 'Écrire le retour d’expérience de la commande groupée avant le départ d’Aurélie', owner: 'cm', dueAfter: 30, status: 'done', closedAfter: 25 },
		{ review: 5, key: 'resource-people', title: 'Recruter une ou un chargé de mission alimentation', owner: 'pres', dueAfter: 90, status: 'open' }
	]
};
