/**
 * Review comments on the success factors, by watch-point and rating (1 critical … 4 solid),
 * written as a coordinator takes notes in a meeting. Placeholders in braces are the project's
 * words (see `Vocabulary`); they are never put after "de" or "à", so French contractions stay right.
 */
import type { CommentLibrary } from './comments';

export const SUCCESS_FACTOR_COMMENTS: CommentLibrary = {
	'trigger-element': {
		2: [
			"Le constat de départ date un peu et les nouveaux venus ne le connaissent pas. Il faudrait le remettre à jour avant d'aller plus loin.",
			'Le déclencheur initial ne parle plus aux nouveaux élus : pour eux, le projet est une procédure de plus.'
		],
		3: [
			'Le diagnostic de départ reste la référence commune ; on y revient dès que les discussions partent dans tous les sens.',
			'Le constat initial est toujours partagé, même si certains chiffres mériteraient une actualisation.',
			"{coord} a rappelé en ouverture pourquoi on s'est lancés : ça a recentré la discussion en cinq minutes.",
			"Les raisons du départ sont connues de tous, mais {terrain} demandent des chiffres plus récents.",
			"Le déclencheur reste solide ; on note que {partenaire2} le présente désormais à sa façon, en insistant sur ses propres indicateurs.",
			"Bonne idée de {elu} d'avoir rappelé en séance les chiffres qui ont tout déclenché : les nouveaux participants ont compris l'urgence.",
			'Le constat tient toujours, mais il faudrait le compléter par ce que les usagers nous disent depuis un an.',
			"On s'appuie encore sur l'étude de départ ; une mise à jour légère est prévue avec {neutre}.",
			"Le point de départ n'est pas contesté. La question est plutôt de savoir si les priorités d'alors sont toujours les bonnes.",
			"L'étude initiale a été redistribuée aux nouveaux membres : plusieurs ne l'avaient jamais lue.",
			'Le déclencheur est connu, partagé, mais commence à sonner comme un souvenir : il faut le relier aux résultats obtenus depuis.',
			"La dynamique née du constat initial tient ; {partenaire} cite encore le diagnostic dans ses propres documents.",
			"Rien ne remet en cause le constat de départ. Les chiffres de l'année écoulée le confirment plutôt."
		],
		4: [
			"Le diagnostic de départ est cité spontanément par tous les partenaires, y compris {partenaire2} qui n'était pas là au début.",
			'Le constat qui a tout lancé est plus que jamais d’actualité : les derniers chiffres confirment le besoin.',
			"Déclencheur clair et partagé. Les élus savent le raconter en deux phrases, c'est un bon signe.",
			"L'étude de départ a été actualisée avec {neutre} : elle confirme et précise le besoin, tout le monde s'y retrouve.",
			'Tous les participants ont su dire pourquoi le projet existe ; le déclencheur fait consensus.',
			"Le constat initial sert de boussole : on l'a ressorti pour arbitrer entre deux pistes, sans débat.",
			"{elu} a présenté le déclencheur au conseil avec les chiffres à jour ; aucune question sur l'utilité du projet.",
			'Les événements récents ont donné raison au diagnostic de départ. Personne ne discute plus la nécessité de coopérer.',
			"Le point de départ est raconté de la même façon par {terrain} et par les élus : c'est rare et précieux.",
			"Déclencheur solide : les témoignages recueillis depuis le lancement le renforcent encore.",
			'Le constat a été présenté aux nouveaux arrivants sous forme de fiche d’une page : tout le monde l’a en tête.',
			"Plus besoin de convaincre : le besoin qui a lancé le projet est reconnu par tous les signataires.",
			"La presse locale a repris les chiffres du diagnostic : le déclencheur est désormais connu bien au-delà des partenaires."
		]
	},
	'defined-subject': {
		1: [
			"Chacun a sa propre idée de ce qu'on fait ensemble. On a passé la réunion à débattre du périmètre au lieu d'avancer.",
			"Le sujet s'est dilué : on parle de tout, donc de rien. Impossible de dire ce qui sera livré dans six mois."
		],
		2: [
			'Le périmètre reste flou entre ce qui relève du projet commun et ce que chaque structure fait déjà de son côté.',
			"On ajoute des sujets à chaque réunion. Il faudrait revenir à deux ou trois objets précis et s'y tenir.",
			"{partenaire} voudrait élargir le projet ; les autres préfèrent finir {chantier} d'abord. Pas tranché.",
			"Sujet encore trop large : les fiches actions se recoupent et personne ne sait laquelle prime.",
			"Le projet commence à ressembler à un programme fourre-tout. À recadrer au prochain comité.",
			'Les objectifs sont clairs sur le papier mais personne ne sait dire ce qui aura changé concrètement dans un an.',
			"On a perdu de vue {chantier}, qui était pourtant le cœur du projet. Beaucoup d'énergie sur des sujets annexes.",
			'Deux visions coexistent : une approche très opérationnelle et une approche de schéma global. Il faudra choisir.',
			'Le sujet est cerné pour les techniciens, beaucoup moins pour les élus qui découvrent chaque fois le contenu.',
			"Trop d'objectifs pour les moyens disponibles ; {coord} propose d'en suspendre deux.",
			'Les frontières du projet bougent au gré des financements : ce qui était secondaire devient prioritaire sans débat.'
		],
		3: [
			'Le périmètre a été resserré sur trois actions prioritaires ; chacun sait ce qui est dans le projet et ce qui n’y est pas.',
			"{chantier} sert de fil rouge : quand une idée arrive, on se demande si elle y contribue.",
			'Sujet bien cerné. Reste à mieux articuler le projet avec ce que les communes font déjà.',
			"La fiche projet d'une page a été adoptée : objectifs, livrables, calendrier. Elle circule.",
			'Le contenu est concret et lisible. On garde une vigilance sur les demandes d’élargissement.',
			"Bon recentrage sur {sujet}. Les sujets périphériques sont renvoyés à d'autres instances.",
			'Les livrables de l’année sont identifiés et datés ; il manque encore des indicateurs pour certains.',
			"Le groupe a refusé d'ajouter un nouveau volet tant que {chantier} n'avance pas : bonne discipline.",
			"Chacun peut citer les trois objectifs de l'année. Le périmètre est stable depuis plusieurs mois.",
			'Sujet clair, mais le calendrier de certains volets reste à préciser avec {partenaire}.',
			"Le projet s'est concentré sur ce qui se voit : {terrain} le remarquent et s'y retrouvent.",
			'Les priorités ont été revues après les premiers résultats, sans perdre le fil : on fait moins mais mieux.',
			"La feuille de route a été relue ligne à ligne avec {partenaire2} ; pas de divergence sur le contenu.",
			'Périmètre maîtrisé, même si une demande nouvelle des communes reste en attente d’arbitrage.',
			"On a pu dire non à une sollicitation hors sujet sans froisser personne : le périmètre est assumé.",
			'Le sujet est précis ; la difficulté est maintenant de le faire connaître au-delà du cercle des partenaires.'
		],
		4: [
			'Objet parfaitement cerné : {chantier} est dans toutes les bouches et chacun sait où on en est.',
			'Le périmètre est clair, écrit, partagé, et il a tenu malgré plusieurs sollicitations extérieures.',
			"Chaque action du plan se rattache à un objectif daté. Les partenaires l'ont vérifié eux-mêmes en séance.",
			'Sujet concret et maîtrisé : les résultats sont visibles et personne ne remet en cause les priorités.',
			"La fiche projet sert de référence à tous ; {partenaire} l'a même reprise dans son propre rapport.",
			'On sait précisément ce qui sera livré et quand. Le pragmatisme du groupe est salué par les élus.',
			'Le recentrage a payé : un seul objet, bien défini, et des avancées mesurables à chaque revue.',
			"{public} commencent à voir le résultat concret du projet ; le sujet n'a plus besoin d'être expliqué."
		]
	},
	'strong-stakes': {
		2: [
			'Les enjeux sont décrits dans un jargon que seuls les techniciens comprennent. Les élus décrochent.',
			"Chaque partenaire formule l'enjeu à sa façon ; on ne sait plus très bien ce qu'on défend ensemble.",
			"L'enjeu s'est perdu dans les procédures : on parle budgets et calendriers, plus des personnes concernées.",
			"{elu} a eu du mal à expliquer l'enjeu en conseil : trop de sigles, pas assez d'exemples.",
			"Les enjeux paraissent lointains pour {terrain}, qui ne voient pas ce que le projet change pour eux.",
			"Le message s'est brouillé depuis l'arrivée de nouveaux financements, chacun y met ses propres objectifs.",
			'On ne sait pas dire en une phrase pourquoi ce projet compte. À retravailler.'
		],
		3: [
			'Les enjeux sont compris par tous ; il manque encore des exemples concrets pour les rendre parlants.',
			"Bon échange sur ce que le projet change pour {public} : l'enjeu est redevenu concret.",
			'Enjeux clairs pour les participants réguliers, moins pour ceux qui viennent ponctuellement.',
			"La note de synthèse rédigée par {coord} exprime bien l'enjeu en langage simple. À diffuser plus largement.",
			"L'enjeu est partagé mais pas toujours porté avec la même conviction selon les structures.",
			'Les enjeux tiennent en trois phrases, validées en comité. Il reste à les faire vivre auprès des habitants.',
			"Tout le monde s'accorde sur l'enjeu ; le débat porte sur le rythme, pas sur le fond.",
			"{partenaire2} a reformulé l'enjeu pour ses propres instances, sans le trahir.",
			'Les enjeux sont lisibles. Le risque est maintenant de les répéter sans les illustrer.',
			'Enjeu bien posé, mais les élus voudraient des chiffres à montrer, pas seulement des intentions.',
			"Les témoignages recueillis sur le terrain rendent l'enjeu tangible ; à reprendre dans la communication.",
			"L'enjeu reste fort ; la lassitude de certains partenaires vient plutôt de la lenteur des résultats.",
			'Le projet est expliqué simplement dans la plaquette ; les retours sont bons.',
			"On a pris le temps de redire l'enjeu pour les nouveaux participants : utile, il faudrait le faire à chaque fois.",
			'Enjeux compréhensibles ; la difficulté est de les hiérarchiser quand les moyens manquent.',
			"Les enjeux sont rappelés en ouverture de chaque réunion par {elu}, ce qui aide à garder le cap.",
			"Enjeu bien compris des élus, un peu moins des agents de terrain qui n'ont pas participé au lancement.",
			'Le sens du projet est clair ; il faudra le réexpliquer lors du renouvellement des équipes.',
			"Quelques formules simples reviennent dans toutes les bouches ; l'enjeu s'est installé.",
			"L'enjeu financier a pris le pas sur l'enjeu humain dans les derniers échanges. À surveiller."
		],
		4: [
			'Les enjeux sont exprimés simplement et repris par tous les partenaires, jusque dans leurs propres réunions.',
			"Les élus présentent l'enjeu avec leurs mots, sans notes. C'est le signe qu'il est compris.",
			"Enjeu fort et partagé : même les partenaires les plus réservés au départ le défendent aujourd'hui.",
			'Avec les exemples concrets apportés par {terrain}, l’enjeu est devenu évident pour tout le monde.',
			"{terrain} expliquent l'enjeu aux habitants mieux que nous. Excellent signe d'appropriation.",
			"L'enjeu est clair au point qu'il sert à trancher : on l'a invoqué pour refuser une demande hors sujet.",
			'Le conseil communautaire a voté à l’unanimité après une présentation de dix minutes. Enjeu limpide.',
			"Les enjeux sont affichés dans {document} en langage courant, sans sigle. Tout le monde s'y réfère.",
			'Même les nouveaux venus comprennent en une réunion pourquoi le projet existe.'
		]
	},
	'committed-actors': {
		1: [
			"Trois partenaires sur cinq absents sans s'excuser. Plus personne ne sait qui porte quoi.",
			"{partenaire} n'a plus de référent depuis des mois ; les décisions restent en suspens."
		],
		2: [
			"{partenaire} envoie chaque fois une personne différente : impossible d'avancer sur les sujets de fond.",
			"Le qui fait quoi existe sur le papier mais n'est pas respecté : la coordination porte presque seule le projet.",
			'Des partenaires présents mais peu actifs ; les actions reposent sur deux ou trois personnes.',
			"Changement de référent chez {partenaire2} : son remplaçant découvre le dossier.",
			"Les compétences sont là, mais le temps manque : chacun fait le projet en plus de son travail.",
			"Absence remarquée des élus au dernier comité. {terrain} se demandent si le projet reste une priorité.",
			'Répartition des rôles contestée : deux structures pensent piloter la même action.',
			'Les acteurs sont légitimes mais plusieurs ne sont pas mandatés pour décider : tout remonte et tout traîne.'
		],
		3: [
			'Chacun tient son rôle ; le tableau qui fait quoi a été mis à jour et validé en séance.',
			"{partenaire} a enfin désigné un référent stable, ce qui débloque plusieurs sujets.",
			'Bonne implication générale. Quelques retards côté {partenaire2}, expliqués et rattrapés.',
			'Les rôles sont clairs et les personnes compétentes ; il faudra anticiper le départ annoncé de deux référents.',
			"{terrain} prennent davantage d'initiatives, ce qui soulage {coord}.",
			'Participation régulière des partenaires, avec des comptes rendus envoyés par chacun et plus seulement par la coordination.',
			"Le qui fait quoi tient, sauf sur la communication où personne ne s'est vraiment positionné.",
			"Les acteurs sont là et compétents ; l'enjeu est maintenant de garder cette énergie dans la durée.",
			"Arrivée d'une nouvelle personne chez {partenaire}, bien briefée en amont : pas de rupture.",
			'Chacun a présenté ses propres avancées, signe que le projet est porté collectivement.',
			"Les engagements pris au dernier comité ont été tenus, à une exception près.",
			"La répartition des tâches a été revue pour mieux coller aux compétences de chacun. Plus fluide.",
			"Bonne implication des opérationnels ; les directions suivent de plus loin mais répondent quand on les sollicite."
		],
		4: [
			'Tous les partenaires présents et préparés. Chacun sait ce qu’il doit faire et le fait.',
			"Le tableau qui fait quoi est vivant : mis à jour par chacun, pas seulement par {coord}.",
			"{partenaire} et {partenaire2} ont pris en charge des actions au-delà de leurs engagements initiaux.",
			'Implication remarquable des élus et des équipes : les décisions se prennent en séance, sans aller-retour.',
			'Chaque action a un porteur identifié et compétent ; aucune n’est restée orpheline depuis la dernière revue.'
		]
	},
	'participative-structure': {
		1: [
			"Pas d'instance claire : on se réunit quand quelqu'un y pense, sans ordre du jour ni compte rendu.",
			'Les décisions se prennent en dehors des réunions, entre deux ou trois personnes. Les autres partenaires se sentent mis devant le fait accompli.',
			"Aucun document ne précise les responsabilités. Au premier désaccord, chacun s'est renvoyé la balle."
		],
		2: [
			"Toujours rien d'écrit : {document} reste à l'état d'intention ; on fonctionne sur la bonne volonté, ce qui ne tiendra pas.",
			'Les instances existent mais se réunissent trop rarement ; tout se décide par courriel, sans trace partagée.',
			"Le comité technique fait doublon avec {copil} : mêmes personnes, mêmes sujets.",
			"Trop de réunions, pas assez de décisions. Il faudrait alléger et clarifier qui décide quoi.",
			'Les comptes rendus arrivent un mois après : impossible de suivre les engagements.',
			"La structuration est trop lourde pour un projet de cette taille : cinq instances pour une dizaine d'actions.",
			"Les associations ne trouvent pas leur place dans les instances actuelles, pensées pour les institutions.",
			"Pas de règle pour les décisions : à l'unanimité, à la majorité ? La question est revenue en séance.",
			"{document} est en projet depuis des mois, les services juridiques tardent à répondre.",
			"Les réunions sont calées en journée : {terrain} ne peuvent pas venir.",
			'Le rôle du comité technique reste flou : instance de décision ou simple lieu d’échange ?',
			"Personne ne tient le relevé des décisions ; on rediscute régulièrement de sujets déjà tranchés.",
			"Le fonctionnement dépend trop de {coord} : quand la coordination est absente, tout s'arrête."
		],
		3: [
			"{document} précise les engagements de chacun ; il reste à prévoir une clause de révision.",
			'Les instances se réunissent au rythme prévu, avec ordre du jour et relevé de décisions diffusés sous huit jours.',
			"Une instance opérationnelle a été ajoutée pour {terrain} : ils y prennent la parole plus facilement.",
			"La gouvernance est légère mais claire : {copil} arbitre, le groupe technique prépare.",
			'Le relevé de décisions partagé évite de rediscuter des sujets tranchés. Bon outil.',
			"Les réunions alternent entre les territoires des partenaires : chacun se sent accueilli à son tour.",
			"Le fonctionnement est adapté ; on envisage d'ouvrir une réunion par an aux habitants.",
			"Les services juridiques des partenaires ont relu {document}, sans remarque de fond.",
			'Structuration correcte ; les rôles de président et de secrétaire de séance tournent désormais.',
			'Les règles de décision ont été écrites en une page et adoptées sans difficulté.',
			"Un calendrier annuel des instances a été fixé : les élus peuvent enfin s'organiser."
		],
		4: [
			"Signature faite : tout le monde connaît {document} et s'en sert réellement pour trancher les questions de responsabilité.",
			'Instances bien calibrées : courtes, préparées, avec des décisions claires et suivies.',
			"La structure a su s'adapter : une instance supprimée, une autre créée pour le terrain. Personne ne regrette l'ancienne formule.",
			'Chaque partenaire connaît ses engagements écrits et les rappelle lui-même en séance.',
			"Le fonctionnement favorise la participation : {terrain} proposent des points à l'ordre du jour."
		]
	},
	'cooperation-evaluation': {
		1: [
			"Aucune évaluation en dehors du bilan financier demandé par les financeurs. On ne sait rien de ce que la coopération produit.",
			"Les seuls indicateurs suivis comptent des réunions et des participants ; ils ne disent rien de la qualité des relations.",
			"L'évaluation est vécue comme un contrôle : les partenaires remplissent les tableaux sans y croire.",
			"Pas de temps prévu pour évaluer. Chaque revue se termine sans qu'on ait parlé des résultats."
		],
		2: [
			'Premiers indicateurs définis, mais ils mesurent l’activité de chaque structure, pas ce que la coopération apporte en plus.',
			"{neutre} propose une grille d'évaluation ; elle reste à adapter à notre projet.",
			"On mesure ce qui est facile à compter. Les liens créés entre partenaires ne sont mesurés nulle part.",
			'Les données arrivent trop tard pour servir aux décisions ; l’évaluation reste un exercice de fin d’année.',
			"Le bilan annuel a été rempli par chaque structure séparément ; personne n'a lu celui des autres.",
			"On a commencé à recueillir des témoignages, mais sans méthode : impossible de les comparer d'une année sur l'autre.",
			"Le financeur impose ses indicateurs ; ils ne disent rien de ce que la coopération a changé entre nous.",
			"{neutre} a présenté une méthode d'évaluation participative ; accueil poli, aucune décision.",
			"Les chiffres d'activité progressent, mais personne ne sait s'ils doivent quelque chose au travail en commun."
		],
		3: [
			"Le tableau de bord combine chiffres et récits des acteurs ; il faut encore l'alimenter plus régulièrement.",
			"Un temps d'évaluation collective a eu lieu : chacun a dit ce que la coopération lui avait apporté. Très riche.",
			'Les indicateurs de relations (contacts nouveaux, orientations croisées) commencent à montrer un effet.'
		],
		4: [
			"L'évaluation est devenue un moment attendu : chiffres, témoignages recueillis par {terrain}, regard extérieur apporté par {neutre}. Les partenaires s'en servent."
		]
	},
	'resource-people': {
		1: [
			'Plus aucune personne ressource : la coordination est vacante et personne ne fait le lien entre les structures.',
			"Le regard extérieur a disparu : {neutre} s'est retiré et personne n'ose plus arbitrer."
		],
		2: [
			"Seule la coordination fait le lien, avec un mi-temps sur le projet. Fragile.",
			"{neutre} n'est plus invité depuis plusieurs réunions ; on perd son regard extérieur.",
			"La personne qui faisait le lien avec les associations est partie. Personne n'a repris ce rôle."
		],
		3: [
			"{neutre} apporte un regard neutre apprécié, notamment quand les discussions se tendent.",
			"{coord} fait bien le lien entre les structures ; il faudrait un binôme pour ne pas tout faire reposer sur une personne.",
			"Parmi {terrain}, deux personnes jouent spontanément un rôle de relais. À reconnaître officiellement.",
			"Sollicité ponctuellement, {neutre} a permis de débloquer un désaccord technique.",
			"Les personnes ressources sont identifiées ; reste à mieux les faire connaître aux nouveaux partenaires.",
			"La neutralité de l'animation est saluée : {coord} ne prend pas parti et reformule bien.",
			"{elu} joue un rôle de passeur auprès des autres élus, en complément du travail technique.",
			"{neutre} apporte un appui apprécié sur la méthode ; on aimerait qu'il soit plus présent.",
			"Quelques personnes font le lien de façon informelle ; le risque est qu'elles s'épuisent.",
			"Expertise disponible quand on la sollicite ; il manque un relais côté {partenaire2}.",
			"La coordination est reconnue comme neutre par tous, y compris par ceux qui étaient méfiants au départ.",
			"Un binôme d'animation a été mis en place avec {neutre} ; premiers retours positifs.",
			"Les réunions délicates sont préparées avec {neutre}, qui aide à poser les questions sans froisser.",
			"Le carnet d'adresses de {coord} a permis de trouver le bon interlocuteur chez {partenaire2} en une semaine."
		],
		4: [
			"{neutre} anime les temps difficiles avec une neutralité reconnue par tous. Précieux.",
			"Les personnes qui font le lien sont nombreuses et identifiées : le projet ne dépend plus d'une seule personne.",
			"Tous voient en {coord} la personne qui relie les structures ; {terrain} passent désormais par la coordination sans hésiter.",
			"Par son expertise, {neutre} a permis de trancher sans blesser personne. Rôle de tiers bien tenu.",
			"Un réseau de relais s'est constitué dans chaque structure ; l'information circule sans passer par la coordination.",
			'La médiation confiée à une personne extérieure a désamorcé un conflit naissant. Très bon réflexe.',
			"Les personnes ressources sont connues, disponibles et sollicitées à bon escient.",
			"{elu} porte la parole politique, {coord} fait le lien technique : le duo fonctionne.",
			"La neutralité de l'animation permet à chacun de parler franchement ; plusieurs partenaires l'ont souligné.",
			"Le rôle de personne ressource est partagé entre plusieurs partenaires : plus de dépendance à une seule personne."
		]
	}
};
