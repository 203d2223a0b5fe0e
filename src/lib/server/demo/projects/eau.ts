/**
 * A partnership that has slid into routine: the same three technicians meet by video, the
 * same person runs every review, comments are "RAS" or copied from the last time, ratings no
 * longer move, a meeting of elected representatives is asked for again and again and never held,
 * and a volume of water was promised on the Swiss side without anyone telling their board.
 * The last review is a few days past due: overdue, within the grace period.
 */
import type { DemoProject } from '../types';
import { PASTED_COMMENT } from './shared';

const PROGRAMME =
	'Le programme de travail commun reste à formaliser ; les échanges techniques se poursuivent entre les deux services.';

export const eau: DemoProject = {
	slug: 'eau-potable-haut-doubs-vallee-de-joux',
	name: 'Eau potable transfrontalière Haut-Doubs – Vallée de Joux',
	description:
		"Coopération entre le syndicat des eaux du Haut-Doubs et l'association intercommunale des eaux de la Vallée de Joux (canton de Vaud) pour interconnecter les réseaux et partager la ressource du Risoux en période d'étiage.",
	trigger:
		"Deux étés de sécheresse de suite ont obligé à ravitailler six communes françaises par camion-citerne. Une étude hydrogéologique commune, financée par Interreg, a montré que la source du Risoux pouvait être partagée.",
	stakes: "Ne plus couper l'eau au mois d'août ; partager une source qui ignore la frontière sans qu'aucune des deux rives ne se sente dépossédée.",
	ambition:
		"Une conduite d'interconnexion de quatre kilomètres en service, une convention d'échange d'eau signée par les deux collectivités, un protocole de gestion de crise commun.",
	startOffset: -600,
	status: 'active',
	defaultCadenceDays: 60,
	defaultGraceDays: 7,
	vocabulary: {
		partenaire: "l'agence de l'eau",
		partenaire2: 'le canton de Vaud',
		terrain: "les agents d'exploitation",
		chantier: "l'interconnexion",
		sujet: "la sécurisation de l'eau potable en période d'étiage",
		document: "la convention d'échange d'eau",
		coord: 'Laurent Cuenot',
		elu: 'Gérard Vuillemin',
		public: 'les abonnés des communes ravitaillées',
		copil: 'le comité de suivi franco-suisse',
		neutre: 'le secrétariat Interreg'
	},
	actors: [
		{
			ref: 'pres',
			name: 'Gérard Vuillemin',
			organisation: 'Syndicat intercommunal des eaux du Haut-Doubs',
			level: 'political',
			role: 'Président du syndicat',
			responsibilities: 'Porte le projet devant le comité syndical, signe la convention d’échange d’eau.'
		},
		{
			ref: 'aivj',
			name: 'Christine Golay',
			organisation: 'Association intercommunale des eaux de la Vallée de Joux',
			level: 'political',
			role: 'Présidente du comité de direction',
			responsibilities: 'Représente les communes vaudoises, négocie les volumes et le prix de l’eau.'
		},
		{
			ref: 'dir',
			name: 'Laurent Cuenot',
			organisation: 'Syndicat intercommunal des eaux du Haut-Doubs',
			level: 'technical',
			role: 'Directeur technique',
			responsibilities: 'Pilote les études et les travaux côté français, prépare et anime les revues.',
			email: 'l.cuenot@eaux-haut-doubs.example.fr'
		},
		{
			ref: 'ing',
			name: 'Mathias Reymond',
			organisation: 'Association intercommunale des eaux de la Vallée de Joux',
			level: 'technical',
			role: 'Ingénieur fontainier',
			responsibilities: 'Suit l’exploitation côté suisse, fournit les débits de la source.'
		},
		{
			ref: 'agence',
			name: 'Isabelle Faivre',
			organisation: 'Agence de l’eau Rhône Méditerranée Corse',
			level: 'technical',
			role: 'Chargée d’interventions',
			responsibilities: 'Instruit les aides de l’agence, conseille sur le montage financier.'
		},
		{
			ref: 'dge',
			name: 'Olivier Pittet',
			organisation: 'Canton de Vaud — Direction générale de l’environnement',
			level: 'technical',
			role: 'Hydrogéologue cantonal',
			responsibilities: 'Donne l’avis du canton sur les prélèvements et la protection de la ressource.'
		},
		{
			ref: 'interreg',
			name: 'Marion Bourgeois',
			organisation: 'Programme Interreg France-Suisse',
			level: 'other',
			role: 'Chargée de projets au secrétariat conjoint',
			responsibilities: 'Accompagne le dépôt et le suivi du dossier Interreg, rappelle les règles des deux côtés.'
		},
		{
			ref: 'reseaux',
			name: 'Didier Jeannin',
			organisation: 'Syndicat intercommunal des eaux du Haut-Doubs',
			level: 'operational',
			role: "Chef d'équipe réseaux",
			responsibilities: 'Réalise les relevés et les essais de pression côté français.'
		}
	],
	commitments: [
		{
			actor: 'agence',
			description: 'Financer 50 % des études d’avant-projet de l’interconnexion',
			recordedOffset: -560,
			informedOffset: -553
		},
		{
			actor: 'ing',
			description: 'Transmettre chaque mois les débits de la source du Risoux',
			recordedOffset: -452,
			informedOffset: -445
		},
		{
			actor: 'pres',
			description: 'Inscrire la part française des travaux au budget du syndicat',
			recordedOffset: -392,
			informedOffset: -390
		},
		{
			actor: 'aivj',
			description: 'Garantir 800 m³ par jour à la frontière pendant les étiages',
			recordedOffset: -207,
			informedOffset: null
		}
	],
	reviews: [
		{
			offset: -575,
			facilitator: 'dir',
			participants: ['pres', 'aivj', 'dir', 'ing', 'agence', 'dge', 'interreg'],
			notes: 'Réunion de lancement à Mouthe avec les deux présidents. Présentation de l’étude hydrogéologique et du calendrier Interreg.'
		},
		{
			offset: -515,
			facilitator: 'dir',
			participants: ['pres', 'dir', 'ing', 'agence', 'interreg'],
			notes: 'Point sur le dossier Interreg déposé. Christine Golay excusée.'
		},
		{
			offset: -452,
			facilitator: 'dir',
			participants: ['aivj', 'dir', 'ing', 'dge', 'reseaux'],
			notes: 'Réunion au Brassus. Visite du captage, échanges sur les périmètres de protection des deux côtés.'
		},
		{
			offset: -392,
			facilitator: 'dir',
			participants: ['dir', 'ing', 'agence', 'reseaux'],
			notes: 'Réunion technique : tracé de la conduite et essais de pression.'
		},
		{
			offset: -330,
			facilitator: 'dir',
			participants: ['pres', 'dir', 'ing', 'agence'],
			notes: 'Point d’avancement de l’avant-projet.'
		},
		{ offset: -268, facilitator: 'dir', participants: ['dir', 'ing', 'agence'], notes: 'Point technique en visio.' },
		{ offset: -207, facilitator: 'dir', participants: ['dir', 'ing', 'agence'], notes: 'Point technique en visio.' },
		{ offset: -146, facilitator: 'dir', participants: ['dir', 'ing', 'agence'], notes: 'Visio.' },
		{ offset: -64, facilitator: 'dir', participants: ['dir', 'ing', 'agence'], notes: 'Point d’étape en visio.' }
	],
	tracked: [
		{ key: 'trigger-element', owner: 'dir', ratings: '443343343' },
		{ key: 'defined-subject', owner: 'dir', ratings: '334433433' },
		{ key: 'strong-stakes', owner: 'pres', ratings: '343343233' },
		{
			key: 'committed-actors',
			owner: 'dir',
			ratings: '332333222',
			comments: { 7: 'Voir précédent.', 8: 'voir précédent' }
		},
		{
			key: 'participative-structure',
			owner: 'dir',
			ratings: '223333333',
			comments: { 4: 'RAS', 5: 'RAS', 6: 'idem', 7: 'RAS', 8: 'R.A.S.' }
		},
		{ key: 'cooperation-evaluation', owner: 'agence', cadenceDays: 365, ratings: '-2----2' },
		{ key: 'resource-people', owner: 'interreg', cadenceDays: 365, ratings: '3----3' },
		{
			key: 'have-content',
			owner: 'dir',
			ratings: '322222222',
			comments: {
				5: PROGRAMME,
				6: PROGRAMME,
				7: PROGRAMME,
				8: 'le programme de travail commun reste à formaliser, les échanges techniques se poursuivent entre les deux services'
			}
		},
		{
			key: 'get-acquainted',
			owner: 'ing',
			ratings: '233333333',
			comments: { 4: 'Rien de nouveau.', 5: 'idem', 6: 'Idem.', 7: 'rien de nouveau', 8: 'idem' }
		},
		{ key: 'selective-opportunities', owner: 'pres', cadenceDays: 365, ratings: '--3----3' },
		{ key: 'power-stakes', owner: 'pres', ratings: '22122' },
		{ key: 'willingness-limits', owner: 'pres', cadenceDays: 365, ratings: '---2----2' },
		{ key: 'shared-stakes', owner: 'pres', ratings: '222323222' },
		{ key: 'adapt-to-context', owner: 'ing', ratings: '333433322' },
		{ key: 'informed-commitments', owner: 'dir', ratings: '122232322' },
		{ key: 'mobilise-actors', owner: 'dir', ratings: '332232233', comments: { 8: PASTED_COMMENT } },
		{ key: 'actor-levels', owner: 'dir', cadenceDays: 365, ratings: '3---2' },
		{ key: 'learn-from-failures', owner: 'dir', cadenceDays: 365, ratings: '----2' },
		// the routine-bound project never asked itself about its habits
		{ key: 'watch-habits', owner: 'dir', ratings: '' },
		{ key: 'cooperation-legitimacy', owner: 'agence', ratings: '2-3--3--3' }
	],
	actions: [
		{ review: 0, key: 'trigger-element', title: 'Déposer le dossier Interreg commun', owner: 'interreg', dueAfter: 45, status: 'done', closedAfter: 40 },
		{ review: 1, key: 'defined-subject', title: "Lancer l'étude d'avant-projet de l'interconnexion", owner: 'dir', dueAfter: 90, status: 'done', closedAfter: 118 },
		{ review: 2, key: 'mobilise-actors', title: 'Organiser une rencontre entre élus français et suisses', owner: 'dir', dueAfter: 45, status: 'dropped', closedAfter: 122 },
		{ review: 3, key: 'informed-commitments', title: "Transmettre à l'association vaudoise le projet de convention d'échange d'eau", owner: 'dir', dueAfter: 30, status: 'done', closedAfter: 26 },
		{ review: 4, key: 'mobilise-actors', title: 'Organiser une rencontre entre les élus français et suisses', owner: 'dir', dueAfter: 45, status: 'open' },
		{ review: 5, key: 'adapt-to-context', title: 'Comparer les normes de potabilité française et suisse au point de livraison', owner: 'ing', dueAfter: 60, status: 'done', closedAfter: 71 },
		{ review: 6, key: 'mobilise-actors', title: 'Organiser la rencontre entre élus français et suisses', owner: 'dir', dueAfter: 45, status: 'open' },
		{ review: 7, key: 'have-content', title: 'Rédiger le programme de travail commun', owner: 'dir', dueAfter: 30, status: 'open' },
		{ review: 8, key: 'mobilise-actors', title: 'Organiser une rencontre entre élus français et suisses.', owner: 'dir', dueAfter: 45, status: 'open' },
		{ review: 8, key: 'cooperation-legitimacy', title: 'Vérifier auprès de la préfecture le cadre juridique d’une vente d’eau transfrontalière', owner: 'agence', dueAfter: 45, status: 'open' }
	]
};
