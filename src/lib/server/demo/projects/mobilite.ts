/**
 * A lively partnership with blind spots: the funding question between the three
 * intercommunalities has not been looked at for months (lapsed, critical), nor have the levels
 * of actors (lapsed), nobody ever reviewed what the failures taught; the Département is chased
 * again and again about the same agreement; the last review was a written round where almost
 * every watch-point got the same rating; a commitment of vehicles was never confirmed to the
 * intercommunality that is supposed to lend them.
 */
import type { DemoProject } from '../types';
import { PASTED_COMMENT } from './shared';

export const mobilite: DemoProject = {
	slug: 'mobilite-solidaire-haut-vivarais',
	name: 'Mobilité solidaire en Haut-Vivarais',
	description:
		"Trois intercommunalités, le Département, France Travail et des associations d'insertion montent ensemble une offre de mobilité pour les personnes sans solution : garage solidaire, location de scooters et de voitures à petit prix, transport à la demande vers l'emploi et les soins.",
	trigger:
		"Un constat de France Travail : sur le bassin d'Annonay, une offre d'emploi sur trois est refusée faute de moyen de transport. La suppression de la ligne de car du plateau a servi d'électrochoc.",
	stakes:
		"Que personne ne renonce à un emploi, une formation ou un rendez-vous médical parce qu'il ne peut pas s'y rendre.",
	ambition:
		'Une plateforme unique (un numéro, un conseiller) pour les trois intercommunalités, un garage solidaire et trente véhicules en location sociale dans trois ans.',
	startOffset: -545,
	status: 'active',
	defaultCadenceDays: 60,
	defaultGraceDays: 10,
	vocabulary: {
		partenaire: 'le Département',
		partenaire2: 'France Travail',
		terrain: 'les conseillers de Solimob',
		chantier: 'le garage solidaire',
		sujet: 'la mobilité des personnes sans solution de transport',
		document: 'la convention de partenariat',
		coord: 'Julie Fargier',
		elu: 'Bernard Chazal',
		public: 'les demandeurs d’emploi sans véhicule',
		copil: 'le comité de pilotage',
		neutre: 'le réseau régional de la mobilité solidaire'
	},
	actors: [
		{
			ref: 'vp',
			name: 'Bernard Chazal',
			organisation: "Communauté de communes du Val d'Ay",
			level: 'political',
			role: 'Vice-président mobilité, élu référent de la plateforme',
			responsibilities: 'Porte le projet auprès des trois intercommunalités, préside le comité de pilotage.'
		},
		{
			ref: 'annonay',
			name: 'Martine Deygas',
			organisation: 'Annonay Rhône Agglo',
			level: 'political',
			role: "Conseillère déléguée à l'insertion",
			responsibilities: "Représente l'agglomération, défend l'extension du transport à la demande."
		},
		{
			ref: 'cance',
			name: 'Pierre Sauvignet',
			organisation: 'Communauté de communes de la Haute-Cance',
			level: 'technical',
			role: 'Directeur général des services',
			responsibilities: 'Engage la troisième intercommunalité, prépare la clé de répartition financière.'
		},
		{
			ref: 'cm',
			name: 'Julie Fargier',
			organisation: "Communauté de communes du Val d'Ay",
			level: 'technical',
			role: 'Chargée de mission mobilité',
			responsibilities: 'Coordonne la plateforme, anime les revues, tient le tableau de bord.',
			email: 'j.fargier@valday.example.fr'
		},
		{
			ref: 'dept',
			name: 'Fabien Roux',
			organisation: "Département de l'Ardèche",
			level: 'technical',
			role: 'Chef du service insertion',
			responsibilities: "Instruit le cofinancement au titre du programme départemental d'insertion."
		},
		{
			ref: 'ft',
			name: 'Karim Benali',
			organisation: "France Travail — agence d'Annonay",
			level: 'technical',
			role: 'Conseiller entreprises, référent mobilité',
			responsibilities: 'Oriente les demandeurs d’emploi vers la plateforme, fait remonter les besoins des employeurs.'
		},
		{
			ref: 'asso',
			name: 'Hélène Peyrard',
			organisation: 'Association Solimob 07',
			level: 'operational',
			role: 'Directrice',
			responsibilities: 'Gère le garage solidaire et la location de scooters et de voitures.'
		},
		{
			ref: 'ml',
			name: 'Thomas Vallon',
			organisation: 'Mission locale Nord-Ardèche',
			level: 'operational',
			role: 'Conseiller jeunes',
			responsibilities: 'Accompagne les jeunes vers le permis et la location sociale.'
		},
		{
			ref: 'ccas',
			name: 'Nadia Bouvier',
			organisation: 'CCAS de Satillieu',
			level: 'operational',
			role: 'Travailleuse sociale',
			responsibilities: 'Repère les besoins des allocataires du RSA et des personnes âgées isolées.'
		}
	],
	commitments: [
		{
			actor: 'ft',
			description: 'Orienter chaque mois vers la plateforme les demandeurs d’emploi sans solution de mobilité',
			recordedOffset: -480,
			informedOffset: -471
		},
		{
			actor: 'asso',
			description: 'Assurer l’entretien des véhicules de la flotte solidaire à prix coûtant',
			recordedOffset: -401,
			informedOffset: -394
		},
		{
			actor: 'cance',
			description: 'Proposer au conseil communautaire une participation annuelle de 15 000 €',
			recordedOffset: -340,
			informedOffset: -331
		},
		{
			actor: 'dept',
			description: 'Cofinancer le garage solidaire à hauteur de 40 000 € par an',
			recordedOffset: -280,
			informedOffset: -273
		},
		{
			actor: 'vp',
			description: 'Prêter deux véhicules de service de la communauté de communes le week-end pour la location solidaire',
			recordedOffset: -98,
			informedOffset: null
		}
	],
	reviews: [
		{
			offset: -522,
			facilitator: 'cm',
			participants: ['vp', 'annonay', 'cance', 'cm', 'dept', 'ft', 'asso'],
			notes: 'Premier comité de pilotage. Présentation du constat de France Travail et des trajets sans solution.'
		},
		{
			offset: -460,
			facilitator: 'cm',
			participants: ['vp', 'cm', 'ft', 'asso', 'ml', 'ccas'],
			notes: 'Atelier avec les prescripteurs : qui oriente qui, avec quelle fiche de liaison.'
		},
		{
			offset: -401,
			facilitator: 'vp',
			participants: ['vp', 'annonay', 'cance', 'cm', 'dept', 'asso'],
			notes: 'Comité de pilotage à Annonay. Décision de déposer un dossier à l’appel à projets national sur les mobilités rurales.'
		},
		{
			offset: -340,
			facilitator: 'cm',
			participants: ['vp', 'cm', 'dept', 'ft', 'asso', 'ml'],
			notes: 'Trois dossiers de financement en parallèle : l’équipe est débordée. Le comité décide de prioriser.'
		},
		{
			offset: -280,
			facilitator: 'cm',
			participants: ['annonay', 'cance', 'cm', 'asso', 'ccas'],
			notes: 'Ouverture du garage solidaire. Revue tenue dans l’atelier, avec les premiers bénéficiaires.'
		},
		{
			offset: -219,
			facilitator: 'cm',
			participants: ['vp', 'cm', 'dept', 'ft', 'asso'],
			notes: 'Premier bilan d’activité du garage et des locations.'
		},
		{
			offset: -160,
			facilitator: 'asso',
			participants: ['annonay', 'cm', 'asso', 'ml', 'ccas'],
			notes: 'Revue animée par Solimob, centrée sur les retours des bénéficiaires.'
		},
		{
			offset: -98,
			facilitator: 'cm',
			participants: ['vp', 'cance', 'cm', 'ft'],
			notes: 'Comité restreint, beaucoup d’excusés. Point sur le transport à la demande.'
		},
		{
			offset: -27,
			facilitator: 'cm',
			participants: ['cm', 'dept', 'ft', 'asso', 'ml'],
			notes: 'Tour écrit par formulaire partagé, faute de date commune. Réponses compilées par Julie Fargier.'
		}
	],
	tracked: [
		{ key: 'trigger-element', owner: 'cm', ratings: '443434433', comments: { 8: "Toujours d'actualité." } },
		{ key: 'defined-subject', owner: 'cm', ratings: '223234323', comments: { 8: 'Le périmètre tient.' } },
		{ key: 'strong-stakes', owner: 'vp', ratings: '334323433', comments: { 8: 'OK.' } },
		{ key: 'committed-actors', owner: 'cm', ratings: '322323443', comments: { 8: 'Chacun est à son poste.' } },
		{ key: 'participative-structure', owner: 'cance', ratings: '212223343', comments: { 8: 'Fonctionne.' } },
		{ key: 'cooperation-evaluation', owner: 'cm', ratings: '112123233', comments: { 8: 'Tableau de bord à jour.' } },
		{ key: 'resource-people', owner: 'asso', ratings: '344323433', comments: { 8: 'RAS' } },
		{ key: 'have-content', owner: 'asso', ratings: '233243343', comments: { 8: 'Des résultats concrets, voir le tableau de bord.' } },
		{ key: 'selective-opportunities', owner: 'vp', ratings: '332112233', comments: { 8: "Pas d'appel à projets en vue." } },
		{ key: 'get-acquainted', owner: 'asso', cadenceDays: 180, ratings: '-3--3--4' },
		{ key: 'power-stakes', owner: 'vp', ratings: '221212' },
		{ key: 'willingness-limits', owner: 'vp', ratings: '-21232323', comments: { 8: 'Rien à signaler.' } },
		{ key: 'shared-stakes', owner: 'vp', ratings: '223323233', comments: { 8: 'Pas de désaccord exprimé.' } },
		{
			key: 'informed-commitments',
			owner: 'cm',
			ratings: '212233232',
			comments: { 8: 'Le prêt des véhicules du Val d’Ay le week-end n’est toujours pas confirmé par écrit.' }
		},
		{ key: 'mobilise-actors', owner: 'vp', ratings: '234432343', comments: { 8: PASTED_COMMENT } },
		{ key: 'actor-levels', owner: 'vp', ratings: '22323232' },
		{ key: 'adapt-to-context', owner: 'asso', cadenceDays: 365, ratings: '--2---3' },
		{ key: 'learn-from-failures', owner: 'cm', ratings: '' },
		{ key: 'watch-habits', owner: 'cm', cadenceDays: 365, ratings: '---2' },
		{ key: 'cooperation-legitimacy', owner: 'cance', cadenceDays: 365, ratings: '3----3' }
	],
	actions: [
		{ review: 0, key: 'defined-subject', title: 'Cartographier les trajets domicile-travail sans solution', owner: 'cm', dueAfter: 60, status: 'done', closedAfter: 55 },
		{ review: 1, key: 'participative-structure', title: 'Rédiger la convention de partenariat entre les trois intercommunalités', owner: 'cance', dueAfter: 90, status: 'done', closedAfter: 131 },
		{ review: 2, key: 'selective-opportunities', title: 'Déposer le dossier à l’appel à projets national sur les mobilités rurales', owner: 'cm', dueAfter: 30, status: 'done', closedAfter: 27 },
		{ review: 3, key: 'committed-actors', title: 'Relancer le Département sur la convention de cofinancement du garage solidaire', owner: 'cm', dueAfter: 30, status: 'dropped', closedAfter: 121 },
		{ review: 3, key: 'selective-opportunities', title: 'Ne déposer qu’un dossier de financement à la fois et le dire aux partenaires', owner: 'vp', dueAfter: 15, status: 'done', closedAfter: 12 },
		{ review: 4, key: 'cooperation-evaluation', title: 'Mettre en place un tableau de bord partagé (trajets, bénéficiaires, retours à l’emploi)', owner: 'cm', dueAfter: 60, status: 'done', closedAfter: 47 },
		{ review: 4, key: 'power-stakes', title: 'Fixer la clé de répartition financière entre les trois intercommunalités', owner: 'cance', dueAfter: 60, status: 'open' },
		{ review: 5, key: 'committed-actors', title: 'Relancer le Département pour la convention de cofinancement du garage solidaire', owner: 'cm', dueAfter: 30, status: 'open' },
		{ review: 6, key: 'committed-actors', title: 'Relancer le Département sur la convention de cofinancement du garage', owner: 'cm', dueAfter: 30, status: 'open' },
		{ review: 6, key: 'mobilise-actors', title: 'Présenter la plateforme aux employeurs de la zone d’activités de Davézieux', owner: 'ft', dueAfter: 45, status: 'done', closedAfter: 39 },
		{ review: 7, key: 'committed-actors', title: 'Relance du Département : convention de cofinancement du garage solidaire', owner: 'cm', dueAfter: 30, status: 'open' },
		{ review: 7, key: 'actor-levels', title: 'Inviter les maires des communes du plateau au comité de pilotage', owner: 'vp', dueAfter: 40, status: 'open' },
		{ review: 8, key: 'informed-commitments', title: 'Faire confirmer par écrit le prêt des véhicules du Val d’Ay', owner: 'cm', dueAfter: 14, status: 'open' }
	]
};
