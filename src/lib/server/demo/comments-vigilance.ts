/**
 * Review comments on the points of vigilance, by watch-point and rating. For a point of
 * vigilance the rating reads "how well is this risk handled": 1, badly; 4, well in hand.
 * Same placeholder rules as the success factors.
 */
import type { CommentLibrary } from './comments';

export const VIGILANCE_COMMENTS: CommentLibrary = {
	'have-content': {
		1: [
			"On se réunit pour se réunir : aucune réalisation concrète depuis le lancement. Les partenaires commencent à le dire.",
			"Le projet n'a produit que des comptes rendus. Rien que {public} puissent voir."
		],
		2: [
			'Beaucoup de réunions, peu de réalisations. Les premières actions concrètes glissent de trimestre en trimestre.',
			"{chantier} n'a pas avancé depuis la dernière revue : études en attente, pas de décision.",
			'Le contenu existe dans les fiches actions mais rien n’est encore lancé sur le terrain.',
			"On parle méthode et gouvernance plus que contenu. {terrain} attendent du concret.",
			"Une seule action réellement engagée sur les six prévues. Le reste dépend de financements incertains.",
			"Les livrables promis pour cette période ne sont pas là ; personne n'a alerté avant la réunion.",
			"Le projet tient surtout par les réunions ; il manque une réalisation visible pour remobiliser.",
			"Contenu encore maigre : la plupart des actions sont au stade de l'intention.",
			"{chantier} bute sur une question foncière ; en attendant, rien d'autre n'avance.",
			"On a surtout produit des documents de cadrage. Les élus demandent ce qui a changé pour {public}.",
			"Avancées réelles mais modestes ; l'écart avec les ambitions affichées devient gênant."
		],
		3: [
			"{chantier} avance : le calendrier est tenu à quelques semaines près.",
			'Deux actions concrètes livrées depuis la dernière revue ; les autres sont engagées.',
			"Le contenu est là : {terrain} voient les premiers effets et nous le font savoir.",
			"Des réalisations visibles, même si {chantier} prend plus de temps que prévu.",
			"Le plan d'actions avance à un rythme raisonnable ; une action reportée faute de moyens.",
			'Les premières réalisations ont été présentées aux élus, qui en redemandent.',
			"Bon avancement sur le terrain ; la partie études est en retard mais ne bloque rien.",
			"Le projet produit des résultats concrets pour {public}, encore en petit nombre.",
			'Contenu réel et suivi. Il faudrait mieux le valoriser auprès des habitants.',
			"{partenaire} a livré sa part ; {partenaire2} n'a pas encore livré la sienne.",
			'Trois actions terminées, deux en cours, une abandonnée en connaissance de cause.',
			"Les réunions servent à décider et à faire le point sur des réalisations, plus à refaire le diagnostic."
		],
		4: [
			"{chantier} est une réalité : on passe de l'idée au fonctionnement courant.",
			'Réalisations concrètes et visibles à chaque revue. Les partenaires viennent pour les résultats.',
			"Le projet a un vrai contenu : {public} en bénéficient déjà et les chiffres le montrent.",
			"Toutes les actions prévues pour la période sont livrées ou en passe de l'être.",
			'Les réalisations parlent d’elles-mêmes : la presse locale et les communes voisines s’y intéressent.',
			"Contenu solide ; le défi est désormais de pérenniser ce qui a été lancé.",
			"Plus personne ne demande à quoi sert le projet : {chantier} fonctionne et se voit.",
			"Le rythme des réalisations est soutenu sans épuiser l'équipe. Bel équilibre."
		]
	},
	'selective-opportunities': {
		1: [
			"Trois appels à projets en parallèle : l'équipe est débordée et les actions de fond sont à l'arrêt.",
			"On a accepté un financement dont les conditions ne correspondent pas au projet. On court maintenant après les indicateurs du financeur.",
			"Chaque opportunité est saisie sans débat ; le projet part dans toutes les directions.",
			"Le calendrier d'un appel à projets nous a imposé un rythme intenable. Plusieurs partenaires ont décroché.",
			"Un nouveau dispositif national a été plaqué sur le projet sans réflexion : trop lourd pour nos moyens."
		],
		2: [
			"Tentation de répondre à un nouvel appel à projets alors que le précédent n'est pas digéré.",
			"{partenaire} pousse pour intégrer un dispositif national ; personne n'a évalué la charge que ça représente.",
			"On a dit oui à une sollicitation des services de l'État sans en mesurer le coût en temps.",
			"Deux opportunités de financement mal articulées entre elles ; le reporting devient une charge.",
			"Les délais imposés par un financeur poussent à aller trop vite sur {chantier}.",
			"On s'est engagé sur un événement régional qui mobilise beaucoup de monde pour peu de retombées.",
			'Débat sur une nouvelle opportunité : tentante, mais personne ne sait qui la porterait.',
			"Le projet s'alourdit de sollicitations extérieures ; {coord} propose une règle de tri.",
			"Une opportunité saisie trop vite a abouti à un dossier bâclé. À ne pas reproduire."
		],
		3: [
			"Le groupe a renoncé à un appel à projets jugé trop lourd : décision assumée collectivement.",
			"Règle adoptée : une seule candidature par semestre, validée par {copil}.",
			"Les opportunités sont examinées au regard des priorités : deux écartées, une retenue.",
			"{elu} a su dire non à une sollicitation flatteuse mais hors sujet.",
			"Le rythme imposé par le financeur a été renégocié ; on respire.",
			"On prend le temps d'évaluer chaque proposition avant de s'engager. Plus serein qu'avant.",
			"Une opportunité intéressante reportée à l'an prochain, le temps de finir {chantier}.",
			"Bonne vigilance : la grille de tri des opportunités a été appliquée deux fois, sans débat.",
			'Les partenaires acceptent désormais de laisser passer une opportunité. C’est nouveau.',
			"Sollicitation d'un partenaire national déclinée poliment : pas le moment, on l'a dit clairement.",
			"Avant de dire oui à un nouveau financement, {coord} présente désormais la charge de travail qu'il représente."
		]
	},
	'get-acquainted': {
		2: [
			"Les partenaires se connaissent mal : on découvre en réunion les contraintes des uns et des autres.",
			"Peu de temps informel ; les réunions s'enchaînent sans qu'on ait appris à se connaître.",
			'Méfiance persistante entre deux structures qui ne se sont jamais vraiment parlé hors des réunions.',
			"Les nouveaux participants arrivent sans présentation ; ils mettent plusieurs réunions à trouver leur place.",
			"On s'est précipité sur le plan d'actions sans prendre le temps de se comprendre. Ça se paie aujourd'hui.",
			"La confiance reste fragile : chacun vérifie ce que dit l'autre auprès de sa hiérarchie."
		],
		3: [
			"La visite chez {partenaire2} a permis de comprendre ses contraintes. Beaucoup moins de malentendus depuis.",
			'Un déjeuner après la revue : les échanges y ont été plus francs qu’en séance.',
			"Les partenaires se connaissent mieux ; on s'appelle directement sans passer par la coordination.",
			'Un tour de table plus long a été prévu pour les nouveaux arrivants. Bonne pratique à garder.',
			"La confiance s'installe, même si certains sujets restent délicats à aborder.",
			"{terrain} ont passé une journée avec les équipes de {elu} : échange apprécié des deux côtés.",
			'Les relations sont cordiales et se renforcent ; il faudra refaire un temps convivial.',
			"On commence à connaître les contraintes de chacun, ce qui évite des demandes impossibles.",
			"Les rencontres sur le terrain de chaque partenaire ont changé l'ambiance des réunions.",
			"Confiance correcte ; elle a résisté au premier désaccord, ce qui est bon signe.",
			"Les deux équipes ont échangé leurs organigrammes et leurs contraintes de calendrier : moins de malentendus.",
			"Un temps d'accueil pour chaque nouveau venu a été instauré en début de réunion. Apprécié."
		],
		4: [
			'Les partenaires se connaissent bien et se font confiance : les désaccords se disent et se règlent vite.',
			"L'habitude de se retrouver sur le terrain de chacun a créé une vraie confiance.",
			"Relations de travail excellentes ; {partenaire} parle du groupe comme d'une équipe.",
			'Les nouveaux arrivants sont parrainés par un ancien : intégration rapide.',
			"La confiance permet d'aborder les sujets qui fâchent sans crispation.",
			"Les liens dépassent le projet : les partenaires se sollicitent sur d'autres sujets.",
			"On a pris le temps au début, et on le récolte : les décisions difficiles passent sans drame."
		]
	},
	'power-stakes': {
		1: [
			"Conflit ouvert sur le pilotage : deux structures revendiquent la maîtrise d'ouvrage. Rien n'avance.",
			"{partenaire} a repris la main sans concertation ; les autres partenaires se sentent dépossédés.",
			"La question du financement cache une question de pouvoir que personne n'ose poser.",
			"Les élus se disputent la paternité du projet dans la presse. Ambiance tendue en séance.",
			"Décision importante prise par un seul partenaire, annoncée aux autres après coup."
		],
		2: [
			"Les enjeux de pouvoir ne sont pas dits : on tourne autour de la question du pilotage depuis trois réunions.",
			"Qui paie décide ? Le déséquilibre financier pèse sur les discussions.",
			"{partenaire} tient à garder la main sur {chantier} ; les autres acceptent sans conviction.",
			"La répartition des rôles entre les collectivités reste un sujet sensible, évité en séance.",
			"Tensions entre les structures sur la visibilité : chacune veut son logo en premier.",
			"Le plus gros financeur pèse trop dans les arbitrages ; les petits partenaires se taisent.",
			"Un désaccord sur le portage juridique a été repoussé, mais il reviendra.",
			"{elu} souhaite présider toutes les instances ; certains le vivent mal sans le dire.",
			'Le partage du pouvoir reste théorique : les décisions se prennent dans les bureaux d’un seul partenaire.',
			"Rivalité ancienne entre deux communes qui ressurgit à chaque choix d'implantation.",
			"Les techniciens se sentent court-circuités par des accords passés directement entre élus.",
			"Le sujet de la clé de répartition financière crispe ; personne ne veut ouvrir la discussion.",
			"Méfiance envers {partenaire2}, que certains soupçonnent de vouloir récupérer le projet.",
			"La présidence du comité n'a jamais été discutée ; elle revient d'office au principal financeur, ce qui gêne sans être dit.",
			"Sur la convention, chaque partenaire a fait relire le texte par ses juristes pour défendre ses intérêts : climat de méfiance."
		],
		3: [
			"La question du pilotage a été mise sur la table et tranchée : présidence tournante.",
			"Les enjeux de pouvoir sont identifiés et dits ; {neutre} aide à les garder sous contrôle.",
			"Accord trouvé sur la répartition financière, avec une clause de revoyure dans un an.",
			"Chacun accepte de partager la visibilité : communication commune sous une seule bannière.",
			"Le déséquilibre entre partenaires est reconnu ; des voix égales en comité ont été actées."
		]
	},
	'willingness-limits': {
		1: [
			"On a promis beaucoup trop vite : les élus ont annoncé une ouverture que les équipes ne peuvent pas tenir.",
			"{coord} porte le projet à bout de bras ; personne n'a fixé de limite et l'épuisement guette.",
			"Volontarisme d'un seul côté : les autres partenaires suivent de loin, sans moyens dédiés."
		],
		2: [
			"Beaucoup de volontarisme chez {partenaire}, moins chez les autres : le projet avance à deux vitesses.",
			"Le calendrier annoncé par les élus est irréaliste ; personne n'ose le dire publiquement.",
			"On pousse {terrain} au-delà de ce qu'ils peuvent absorber. Deux signaux de fatigue ce trimestre.",
			"Les ambitions affichées dépassent les moyens réels ; il faudrait dire où l'on s'arrête.",
			"Certains partenaires sont volontaires en réunion mais ne dégagent pas de temps ensuite.",
			"Le point à ne pas dépasser n'a jamais été discuté : jusqu'où chacun est-il prêt à aller ?",
			"Forte pression pour aller vite sur {chantier} ; les conditions de sécurité juridique ne sont pas réunies.",
			"Les élus sont volontaristes, les services beaucoup moins convaincus. Décalage à traiter.",
			"On a franchi une limite en engageant des dépenses avant la signature. Rattrapé, mais à éviter.",
			"La motivation est réelle mais repose sur quelques personnes ; les autres attendent de voir.",
			"{partenaire} s'engage sincèrement mais sans limite claire : on ne sait pas jusqu'où ira son soutien.",
			"Les élus voudraient annoncer une date d'ouverture ; les services demandent d'attendre. Tension non résolue.",
			"On continue de charger {terrain} de nouvelles tâches sans rien retirer. Personne n'a posé la question de la limite."
		],
		3: [
			"Volontarisme partagé, et limites posées : pas de nouvelle action tant que {chantier} n'aboutit pas.",
			"Chaque partenaire a dit ce qu'il pouvait apporter, et ce qu'il ne pouvait pas. Discussion saine.",
			"Les élus ont accepté de décaler l'annonce publique pour ne pas promettre avant d'être prêts.",
			'Tous les niveaux sont volontaires ; la charge est mieux répartie depuis le dernier comité.',
			"On sait désormais dire stop : une action trop ambitieuse a été réduite d'un commun accord.",
			"Les limites de chacun ont été écrites dans le compte rendu : temps disponible, budget, ce qui n'est pas négociable.",
			"Bon équilibre entre envie d'avancer et prudence ; {elu} a su freiner une annonce prématurée."
		]
	},
	'shared-stakes': {
		2: [
			"L'enjeu n'est pas partagé de la même façon : pour {partenaire}, c'est d'abord une question de coûts.",
			"L'ambition reste floue ; chacun projette ses propres attentes sur le projet.",
			'Un partenaire juge l’ambition démesurée, un autre trop timide. Pas de vision commune.',
			"Les freins à coopérer ne sont pas levés : l'ambition n'a jamais été écrite noir sur blanc.",
			"{partenaire2} adhère à l'enjeu mais pas aux modalités ; la discussion tourne en rond.",
			"L'ambition a été revue à la baisse sans l'expliquer ; certains partenaires se sentent trahis.",
			"Le projet est perçu comme celui d'une seule collectivité ; les autres n'y voient pas leur intérêt.",
			"L'enjeu est accepté par les techniciens, pas encore par toutes les assemblées délibérantes.",
			"Désaccord sur l'ambition à trois ans : développer ou consolider ? Non tranché.",
			"Les communes rurales ont le sentiment que l'enjeu est pensé pour la ville-centre.",
			"On parle d'ambition commune mais les budgets de chacun disent autre chose.",
			"L'enjeu n'est pas acceptable en l'état pour les associations, qui craignent d'être instrumentalisées.",
			"Chacun signe mais personne ne s'approprie vraiment l'ambition. Adhésion de principe.",
			"L'ambition écrite dans {document} n'est plus celle que défendent les élus aujourd'hui.",
			"{terrain} ne comprennent pas l'ambition affichée, trop éloignée de leur quotidien."
		],
		3: [
			"L'ambition a été réécrite en une phrase et validée par {copil} ; elle rassure les plus réservés.",
			"Enjeu partagé ; les divergences portent sur le rythme, pas sur le but.",
			"{partenaire} a retrouvé son intérêt pour le projet depuis qu'on a précisé ce qu'il lui apporte.",
			"L'ambition est claire et acceptée ; quelques inquiétudes sur le financement à long terme.",
			'Chaque assemblée délibérante a validé la même ambition : le socle commun est posé.',
			"L'enjeu est porté par tous les partenaires, avec des priorités différentes mais compatibles.",
			"La réécriture de l'ambition avec {terrain} a levé plusieurs freins.",
			'Les freins exprimés au début ont été traités un par un ; il en reste un, identifié.',
			"Vision commune retrouvée après un séminaire d'une demi-journée. À refaire chaque année.",
			"L'ambition est partagée ; les communes rurales ont obtenu que leurs besoins soient explicitement cités.",
			"Ambition acceptable pour tous, même si {partenaire2} la trouve prudente.",
			"L'enjeu commun est rappelé dans chaque compte rendu : il finit par s'imposer.",
			"Chacun sait ce qu'il gagne à coopérer ; c'est écrit dans {document}.",
			"Le projet n'est plus perçu comme celui d'un seul partenaire : progrès net.",
			"L'ambition a été découpée en étapes ; ça la rend acceptable pour les plus prudents.",
			"Accord sur l'ambition, quelques réserves sur le calendrier."
		],
		4: [
			"L'enjeu est partagé et porté par tous : chaque partenaire le défend devant ses propres instances.",
			"Ambition claire, écrite, votée partout. Plus aucun frein exprimé.",
			"Les partenaires qui doutaient sont devenus les meilleurs ambassadeurs du projet.",
			"L'ambition commune a résisté à un changement d'exécutif : bon signe d'appropriation.",
			"Tout le monde peut dire ce que le projet apporte à sa structure et au territoire."
		]
	},
	'adapt-to-context': {
		2: [
			"On a repris tel quel le modèle d'un autre territoire ; il ne colle pas à nos distances ni à nos moyens.",
			"Les solutions proposées par le bureau d'études sont standard ; personne ne les a confrontées au terrain.",
			"{partenaire} veut appliquer son cadre national sans adaptation ; ça bloque sur plusieurs points.",
			"Le cahier des charges a été copié sur celui d'une métropole ; il ignore nos contraintes rurales.",
			"Les différences de règles entre partenaires sont vécues comme des obstacles, pas comme des données à intégrer."
		],
		3: [
			"Les solutions sont construites avec {terrain}, qui connaissent les contraintes locales.",
			"Le modèle importé a été adapté : horaires, périmètre et tarifs revus avec les usagers.",
			"On s'inspire d'ailleurs sans copier : la visite d'un autre territoire a surtout servi à voir ce qu'on ne veut pas.",
			"Les contraintes propres à chaque partenaire sont prises en compte dans le calendrier.",
			"On a revu l'ampleur du projet phare pour tenir compte de la réalité locale : {chantier} sera plus modeste, mais plus solide.",
			"Bonne écoute des particularités de chaque commune ; les solutions varient selon les secteurs.",
			"Les règles différentes de chaque partenaire sont connues et respectées ; on invente des passerelles.",
			"La solution retenue n'existe nulle part ailleurs : elle a été imaginée en atelier avec {public}.",
			"On a renoncé à un outil clé en main au profit d'une solution plus simple, conçue ensemble.",
			"Le contexte a changé (départs, budgets) et le projet s'est ajusté sans drame.",
			"Les partenaires acceptent que les solutions diffèrent d'un territoire à l'autre.",
			"Adaptation correcte ; attention à ne pas reproduire partout la solution qui a marché dans un secteur.",
			"Le retour des usagers a conduit à modifier l'organisation prévue. Bonne réactivité."
		],
		4: [
			"Les solutions sont inventées ensemble, à partir du terrain. Rien n'a été plaqué.",
			"Le projet a su s'adapter à un changement important de contexte sans perdre son sens.",
			"Chaque choix a été testé avec {terrain} avant d'être généralisé. Méthode exemplaire.",
			"Les différences entre partenaires sont devenues une richesse : chacun apporte sa façon de faire.",
			"D'autres territoires viennent voir notre organisation ; on leur dit surtout de ne pas la copier telle quelle."
		]
	},
	'informed-commitments': {
		1: [
			"Plusieurs partenaires découvrent en séance des engagements pris en leur nom. Malaise.",
			"Aucun suivi écrit des engagements : personne ne sait ce que chacun a promis.",
			"Un engagement financier annoncé par les techniciens n'a jamais été présenté aux élus concernés."
		],
		2: [
			"Les engagements sont notés dans les comptes rendus mais jamais renvoyés aux intéressés.",
			"{partenaire} dit n'avoir jamais eu connaissance de l'engagement pris par son représentant.",
			"Le tableau des engagements existe mais n'a pas été mis à jour depuis deux réunions.",
			"Les élus ne savent pas toujours à quoi leurs services se sont engagés.",
			"Des engagements pris oralement en réunion, sans trace ; on s'en rend compte au moment de les tenir.",
			"Les nouveaux représentants ignorent les engagements de leurs prédécesseurs.",
			"{partenaire2} a confirmé son engagement à l'oral, toujours pas par écrit.",
			"On s'engage vite en séance sans vérifier que la structure suivra.",
			"Les associations n'ont pas reçu le récapitulatif de ce qu'on attend d'elles.",
			"Plusieurs engagements restent sans date : difficile de savoir s'ils sont tenus.",
			"Le relevé des engagements arrive trop tard pour que chacun puisse réagir.",
			"{coord} a relevé trois engagements dont les intéressés n'ont jamais eu la confirmation.",
			"La distinction entre intention et engagement ferme n'est pas claire pour tout le monde.",
			"Engagements connus des techniciens, beaucoup moins des directions générales."
		],
		3: [
			'Chaque engagement est renvoyé par écrit à son auteur sous quinze jours ; un seul retard ce trimestre.',
			"Le tableau des engagements est à jour et relu en début de séance.",
			"Les élus ont reçu le récapitulatif des engagements de leurs services ; aucune surprise.",
			"{partenaire} a confirmé ses engagements par courrier, comme convenu.",
			"Les nouveaux représentants ont eu un point sur les engagements en cours dès leur arrivée.",
			"Engagements clairs et datés ; il reste à vérifier ceux pris lors de la dernière réunion.",
			"La lettre de confirmation des engagements est devenue systématique. Bonne habitude.",
			"Chacun sait ce qu'il a promis et à qui ; les retards sont signalés avant l'échéance.",
			"Les engagements figurent dans {document}, annexe mise à jour à chaque comité.",
			"Bon suivi des engagements ; un partenaire a demandé à revoir l'un d'eux, discuté ouvertement.",
			"Un courriel récapitulatif part désormais le lendemain de chaque réunion avec les engagements de chacun.",
			"Les directions ont validé par écrit les engagements pris par leurs représentants. Plus de malentendu."
		],
		4: [
			"Les engagements sont connus, écrits, confirmés et tenus. Rien à redire.",
			"Chaque partenaire présente lui-même l'état de ses engagements en séance.",
			"Le suivi des engagements est exemplaire : {partenaire2} l'a repris pour ses autres partenariats."
		]
	},
	'mobilise-actors': {
		2: [
			"Le projet est devenu une affaire de techniciens : les élus ne viennent plus.",
			"{terrain} ne sont jamais associés ; on décide pour eux sans eux.",
			"Les directions se font représenter par des stagiaires ; difficile de mobiliser au bon niveau.",
			"On a perdu le lien avec les élus depuis les dernières élections ; aucun n'a repris le sujet.",
			"Les associations se sentent consultées pour la forme, pas associées.",
			"Tout le monde n'est pas à sa place : les élus règlent des détails techniques, les techniciens font de la politique.",
			"Le sujet est traité comme un dossier technique alors que les questions sont politiques.",
			"Mobilisation en baisse : moins de la moitié des partenaires à la dernière réunion.",
			"{partenaire2} n'envoie plus personne. Il faudrait une relance au niveau politique."
		],
		3: [
			"Élus, techniciens et acteurs de terrain présents ; chacun a pris la parole sur ce qui le concerne.",
			"{elu} a remobilisé les élus des communes concernées : trois nouveaux participants.",
			"Bonne mobilisation des niveaux utiles ; il manque encore la parole des personnes concernées.",
			"Les élus valident, les techniciens préparent, le terrain fait remonter : chacun est à sa place.",
			"Mobilisation correcte, un peu fragile côté {partenaire2}.",
			"Les opérationnels sont mieux associés depuis qu'une partie de la réunion leur est réservée.",
			"Le sujet n'est plus vu comme seulement technique : les élus s'en sont emparés.",
			"Bonne présence des élus au comité, ce qui a permis de trancher deux points en attente.",
			"La mobilisation tient ; il faudra penser à associer les nouveaux agents arrivés cette année.",
			"Chacun à sa place, avec des échanges francs entre niveaux.",
			"{terrain} ont présenté eux-mêmes leur travail aux élus. Très apprécié.",
			"Les partenaires ont mobilisé leurs directions pour les décisions budgétaires. Efficace.",
			"Présence régulière de tous les niveaux ; les excusés envoient leurs contributions par écrit."
		],
		4: [
			"Tous les niveaux utiles sont mobilisés et chacun joue son rôle, sans empiéter sur celui des autres.",
			"Les élus portent, les techniciens outillent, le terrain propose : la mobilisation est exemplaire.",
			"Mobilisation au-delà des partenaires signataires : d'autres acteurs demandent à rejoindre le projet.",
			"{public} ont été associés à la dernière revue ; leur parole a changé le ton des échanges.",
			"Chaque structure a mobilisé le bon niveau pour chaque sujet. Décisions rapides.",
			"La mobilisation ne faiblit pas malgré la durée du projet. Rare."
		]
	},
	'actor-levels': {
		2: [
			"On se demande si les bons niveaux coopèrent : les décisions remontent sans cesse faute d'élus autour de la table.",
			"Les techniciens coopèrent bien entre eux, mais leurs élus ne se sont jamais rencontrés.",
			"Le niveau opérationnel est absent ; les décisions prises ne tiennent pas compte du terrain.",
			"Question posée en séance : faut-il associer l'échelon départemental ? Pas de réponse.",
			"Le niveau politique coopère en façade ; sur le fond, tout repose sur les services.",
			"Les bonnes personnes sont là, mais pas au bon niveau de décision pour engager leur structure.",
			"Les niveaux qui coopèrent n'ont pas été réinterrogés depuis le lancement.",
			"Il manque un niveau intermédiaire entre les élus et le terrain ; les consignes se perdent.",
			"Les communes ne sont représentées que par leurs intercommunalités ; les maires se sentent écartés.",
			"Le niveau de coopération ne correspond plus au sujet : ce qui se joue maintenant est très opérationnel.",
			"On coopère entre chefs de service alors que les arbitrages relèvent des présidents ; tout remonte et redescend.",
			"La question des niveaux n'a pas été reposée depuis la réorganisation interne chez {partenaire}."
		],
		3: [
			"On a revu qui coopère à quel niveau : les maires sont désormais invités une fois par an.",
			"Les bons niveaux sont autour de la table pour les sujets actuels ; à revoir quand {chantier} entrera en phase de travaux.",
			"Bonne articulation entre le niveau politique et le niveau technique ; le terrain est consulté en amont.",
			"La question des niveaux a été posée au dernier comité et a conduit à inviter {partenaire2}.",
			"Coopération aux bons niveaux ; on garde un œil sur le niveau régional, absent pour l'instant.",
			"Les niveaux sont cohérents avec le sujet ; les directions générales suivent de près.",
			"Un binôme élu-technicien par structure : la formule fonctionne.",
			"On a cessé d'inviter les directions pour les sujets très opérationnels : réunions plus efficaces.",
			"Les élus se voient une fois par semestre, les techniciens chaque mois : rythme adapté à chaque niveau.",
			"On a vérifié que chaque structure est représentée par quelqu'un qui peut engager sa décision. C'est le cas."
		],
		4: [
			"Les niveaux d'acteurs ont été revus avec méthode : chaque sujet est traité au bon niveau.",
			"Chaque niveau coopère avec son homologue et l'ensemble se retrouve au comité. Architecture claire."
		]
	},
	'learn-from-failures': {
		1: [
			"L'échec de l'action pilote est passé sous silence ; on recommence la même chose ailleurs.",
			"Personne ne veut parler de ce qui n'a pas marché. Les mêmes erreurs reviennent."
		],
		2: [
			"On évoque l'échec en passant, sans prendre le temps d'en tirer des leçons.",
			"Le retour d'expérience est prévu mais toujours repoussé à la réunion suivante.",
			"Les échecs sont analysés par chaque structure dans son coin, jamais ensemble."
		],
		3: [
			"Un temps a été pris pour analyser l'action qui n'a pas marché ; deux enseignements retenus.",
			"Les échecs sont désormais notés dans le relevé de décisions avec ce qu'on en retient.",
			"Le retour d'expérience sur l'échec de l'an dernier a servi à redimensionner {chantier}."
		]
	},
	'watch-habits': {
		2: [
			"Les revues se ressemblent toutes : mêmes personnes, même ordre du jour, mêmes constats. On coche plus qu'on ne réfléchit.",
			"Le comité se tient par habitude ; plus personne ne sait très bien à quoi il sert.",
			"Les comptes rendus se recopient d'une fois sur l'autre. Il faudrait changer la formule."
		],
		3: [
			"On a changé la formule des revues (sur le terrain, avec un invité extérieur) : les échanges sont plus vivants.",
			"Quelques automatismes repérés en séance, notamment sur les notes attribuées sans débat. Vigilance partagée.",
			"L'animation tourne entre partenaires, ce qui évite que les réunions se figent.",
			"Le groupe s'est demandé franchement si chaque instance sert encore : une réunion supprimée."
		],
		4: [
			"Les revues changent de forme selon les sujets ; chacun a l'impression d'y apprendre quelque chose.",
			"On questionne chaque rituel une fois par an : ce qui ne sert plus est abandonné sans regret."
		]
	},
	'cooperation-legitimacy': {
		2: [
			"La question du cadre juridique de la coopération n'a jamais été posée ; {partenaire} s'interroge.",
			"Doute sur la légitimité du portage actuel : est-ce bien le rôle de cette structure ?"
		],
		3: [
			"Le cadre juridique a été vérifié avec les services des partenaires : la coopération est fondée.",
			"Légitimité reconnue par les assemblées ; une question reste sur la forme de la convention.",
			"On s'est demandé si une autre forme de coopération serait plus adaptée : non, celle-ci convient.",
			"Le montage a été validé par {partenaire2} ; pas de difficulté de légalité à ce stade.",
			"La délibération de chaque assemblée fonde clairement la coopération ; le contrôle de légalité n'a rien relevé.",
			"Question posée : une structure commune serait-elle plus légitime ? Réponse unanime : non, la convention suffit.",
			"La légitimité de la coopération ne fait pas débat ; les habitants consultés la trouvent évidente.",
			"Le cadre conventionnel a été relu après les changements réglementaires de l'année : rien à modifier.",
			"Les assemblées ont renouvelé leur mandat aux représentants ; la coopération repose sur des bases claires."
		]
	}
};
