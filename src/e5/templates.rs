//! The dossiers an E5 subject can hold: their commercial problem, the exercise types
//! that may serve it and the open questions written for it, with their marking guidance.

use crate::world::{Business, Product};

/// An open question (diagnosis, proposals), marked by the teacher.
pub struct OpenTemplate {
    /// The exercise types the question discusses: it is asked when the dossier holds
    /// one of them (always when empty).
    pub when: &'static [&'static str],
    pub prompt: &'static str,
    /// Points when the subject has three dossiers (20 points each) or four (15 each).
    pub points: [u32; 2],
    /// The ideas a good answer develops, one line each.
    pub ideas: &'static [&'static str],
    pub guidance: &'static str,
}

pub struct DossierTemplate {
    pub title: &'static str,
    /// Each slot is served by one of these exercise types, picked from the seed among
    /// those whose catalog entry suits the case's company.
    pub slots: &'static [&'static [&'static str]],
    pub open: &'static [OpenTemplate],
    /// The situation of the dossier, in Markdown.
    pub context: fn(&Business, &Product) -> String,
    /// A sentence added to the situation when the dossier holds this exercise type.
    pub notes: &'static [(&'static str, &'static str)],
}

fn article(b: &Business) -> String {
    if b.forme == "EI" {
        format!("L'entreprise {}", b.nom)
    } else if b.forme.starts_with(['A', 'E', 'I', 'O', 'U']) {
        format!("L'{} {}", b.forme, b.nom)
    } else {
        format!("La {} {}", b.forme, b.nom)
    }
}

fn portefeuille(b: &Business, _p: &Product) -> String {
    format!(
        "{} veut mieux répartir le temps de sa force de vente entre ses clients. {}, membre de la force de vente, constate que toutes les visites se ressemblent, quel que soit le poids du client. Votre mission : analyser le portefeuille, cibler les clients à privilégier et chiffrer les moyens de l'effort commercial.",
        article(b),
        b.vendeur
    )
}

fn prix(b: &Business, p: &Product) -> String {
    format!(
        "Pour développer les ventes de {}, {} revoit son tarif et les conditions de règlement ou de financement proposées à ses clients. La direction souhaite préserver sa marge sans perdre les clients sensibles au prix ; vous préparez les éléments chiffrés de la proposition commerciale.",
        p.pluriel.clone(),
        lowercase_article(b)
    )
}

fn rentabilite(b: &Business, _p: &Product) -> String {
    format!(
        "La direction de {} s'interroge sur ce que rapportent réellement certains comptes et sur le risque qu'ils font courir à sa trésorerie. Elle souhaite aussi savoir si l'action ou l'investissement commercial étudié mérite d'être engagé ou reconduit.",
        lowercase_article(b)
    )
}

fn suivi(b: &Business, _p: &Product) -> String {
    format!(
        "En fin de période, {} compare ses réalisations à ses prévisions, mesure ce que son cycle d'exploitation immobilise et doit arbitrer entre des options dont le résultat est incertain. Vous analysez les chiffres et éclairez la décision.",
        lowercase_article(b)
    )
}

fn lowercase_article(b: &Business) -> String {
    crate::text::lowercase_first(&article(b))
}

pub const DOSSIERS: [DossierTemplate; 4] = [
    DossierTemplate {
        title: "Analyser le portefeuille et cibler l'effort commercial",
        slots: &[
            &["segmentation/abc", "segmentation/scoring"],
            &["segmentation/statistiques", "segmentation/prevision", "segmentation/detention", "segmentation/clientele-potentielle"],
            &["effort/charge-de-travail", "effort/couts-seuil", "effort/amortissement"],
        ],
        open: &[OpenTemplate {
            when: &[],
            prompt: "À partir de vos calculs, rédigez une note à l'attention de la direction : proposez une politique de suivi différenciée selon les segments de clientèle et les moyens à y consacrer.",
            points: [4, 3],
            ideas: &[
                "Identifier les clients à fort poids (classe A, meilleurs scores) et leur réserver un suivi personnalisé : visites plus fréquentes, interlocuteur attitré, offres sur mesure.",
                "Servir les petits clients à moindre coût : télévente, courriel, commande en ligne, visites espacées.",
                "Relier les moyens proposés à leur coût (effectif, coût de la force de vente, amortissement d'un équipement) et à ce qu'ils doivent rapporter.",
                "Prévoir des indicateurs de suivi : CA et marge par segment, taux de couverture des visites, coût commercial par client.",
                "Nuancer : données d'une seule période, potentiel des clients non mesuré, un petit client peut être un gros prospect.",
            ],
            guidance: "Note structurée (constat, propositions, moyens) : 1 point pour la forme ; le reste à raison d'environ 1 point par idée pertinente reliée aux résultats chiffrés. Une proposition sans lien avec les calculs ne rapporte pas plus de la moitié des points.",
        }],
        context: portefeuille,
        notes: &[
            ("segmentation/scoring", "Un fichier de clients et de prospects est à hiérarchiser selon la grille de l'entreprise."),
            ("segmentation/statistiques", "L'étude d'une série de ventes récentes complète l'analyse du portefeuille."),
            ("segmentation/prevision", "Les ventes des dernières périodes servent à prévoir celles qui viennent."),
            ("segmentation/detention", "Le fichier clients indique quelles familles de produits chaque client achète déjà."),
            ("segmentation/clientele-potentielle", "Une étude de marché locale situe l'entreprise face à sa clientèle potentielle."),
            ("effort/couts-seuil", "Une action de la force de vente doit aussi montrer qu'elle couvre ses coûts."),
            ("effort/amortissement", "Un équipement acquis pour le service commercial pèse sur le coût de l'effort commercial."),
        ],
    },
    DossierTemplate {
        title: "Fixer un prix et une offre de paiement ou de financement",
        slots: &[
            &["prix/marges", "prix/acceptabilite", "prix/elasticite"],
            &["prix/net-a-payer", "prix/tva", "financement/penalites"],
            &["financement/escompte-reglement", "financement/choix-financement", "financement/emprunt", "financement/interets-simples", "financement/equivalence", "financement/interets-composes"],
        ],
        open: &[OpenTemplate {
            when: &[],
            prompt: "Quelle offre (prix, réductions, conditions de règlement ou de financement) conseillez-vous de présenter ? Justifiez en pesant l'intérêt de l'entreprise et celui du client.",
            points: [4, 3],
            ideas: &[
                "Vérifier que le prix retenu couvre le coût d'achat et dégage la marge visée ; situer ce prix face à la concurrence et au prix acceptable pour le client.",
                "Les réductions se calculent en cascade : leur effet cumulé est inférieur à la somme des taux ; les réserver aux contreparties (quantité, fidélité).",
                "L'escompte, le délai ou le financement a un coût pour l'entreprise et un intérêt pour sa trésorerie ; le comparer au coût d'un découvert ou d'un crédit.",
                "Pour le client : coût total, trésorerie, simplicité ; en faire des arguments de vente chiffrés.",
                "Conclure par une offre précise et cohérente avec les calculs du dossier.",
            ],
            guidance: "Attendre une recommandation claire (1 point), deux ou trois arguments chiffrés tirés du dossier (1 à 2 points) et la prise en compte du point de vue du client (1 point).",
        }],
        context: prix,
        notes: &[
            ("financement/escompte-reglement", "Un client hésite entre payer comptant avec escompte et payer à l'échéance."),
            ("financement/choix-financement", "L'entreprise doit aussi financer un équipement nécessaire à son activité commerciale : le mode de financement pèse sur sa trésorerie, donc sur les délais qu'elle peut accorder."),
            ("financement/emprunt", "Un équipement commercial doit être financé par emprunt : son coût pèse sur la trésorerie, donc sur les délais que l'entreprise peut accorder."),
            ("financement/interets-simples", "Un excédent de trésorerie passager peut être placé en attendant les encaissements."),
            ("financement/equivalence", "Un client demande à reporter une échéance : il faut proposer des conditions équivalentes."),
            ("financement/interets-composes", "La direction compare ce que rapporterait un placement de sa trésorerie à ce que coûterait un crédit accordé aux clients."),
            ("financement/penalites", "Un client règle une facture en retard : les pénalités prévues par les conditions générales de vente sont à chiffrer."),
        ],
    },
    DossierTemplate {
        title: "Évaluer la rentabilité et le risque d'un client ou d'une action",
        slots: &[
            &["valeur/compte-exploitation-client", "valeur/valeur-client", "valeur/potentiel"],
            &["risque/encours", "risque/solvabilite", "risque/affacturage", "financement/escompte-effets"],
            &["action/cout-roi", "action/entonnoir", "action/rentabilite-investissement"],
        ],
        open: &[
            OpenTemplate {
                when: &[],
                prompt: "Le client ou le portefeuille étudié est-il à développer, à maintenir ou à surveiller ? Argumentez à partir de sa rentabilité et du risque qu'il présente.",
                points: [2, 2],
                ideas: &[
                    "Lire la marge, la valeur ou le potentiel du client : un gros chiffre d'affaires n'est pas forcément rentable.",
                    "Confronter la rentabilité au risque : encours, délai de paiement, solvabilité ; fixer ou revoir un plafond de crédit, demander des garanties, céder les créances.",
                    "Proposer des actions : conditions de règlement, relances, visite de négociation, vente additionnelle si le compte est sain.",
                ],
                guidance: "1 point pour un diagnostic qui combine rentabilité et risque, 1 point pour une décision argumentée accompagnée d'au moins une action concrète.",
            },
            OpenTemplate {
                when: &["action/cout-roi", "action/entonnoir"],
                prompt: "L'action commerciale étudiée doit-elle être reconduite ? Proposez deux indicateurs pour en suivre les résultats.",
                points: [3, 2],
                ideas: &[
                    "Conclure à partir du ROI, des taux de l'entonnoir et du résultat de l'action : une action rentable est à reconduire, une action déficitaire à revoir (cible, coût, canal).",
                    "Tenir compte des effets non chiffrés : image, fichier de prospects, fidélisation.",
                    "Indicateurs : taux de retour, taux de transformation, CA et marge générés, coût par contact ou par client gagné, ROI.",
                ],
                guidance: "1 point pour la décision justifiée par les chiffres de l'action ; 1 point (ou 2 sur 3) pour deux indicateurs pertinents et mesurables.",
            },
            OpenTemplate {
                when: &["action/rentabilite-investissement"],
                prompt: "L'investissement étudié doit-il être réalisé ? Indiquez ce qui, au-delà du calcul, pourrait modifier la décision.",
                points: [3, 2],
                ideas: &[
                    "Conclure à partir de la VAN (ou du délai de récupération) : un investissement qui ne récupère pas sa mise au taux exigé est à écarter ou à revoir.",
                    "Discuter les hypothèses : flux prévus incertains, taux d'actualisation, durée de vie, valeur résiduelle.",
                    "Effets non chiffrés : image, qualité de service, conditions de travail, risque de ne pas investir face à la concurrence.",
                ],
                guidance: "1 point pour une décision justifiée par les résultats ; 1 point (ou 2 sur 3) pour des limites ou des effets non chiffrés pertinents.",
            },
        ],
        context: rentabilite,
        notes: &[
            ("risque/affacturage", "Pour se protéger des impayés, l'entreprise étudie aussi la cession de ses créances à un factor."),
            ("financement/escompte-effets", "Des clients règlent par lettre de change : l'entreprise peut les escompter auprès de sa banque."),
        ],
    },
    DossierTemplate {
        title: "Suivre les résultats et décider",
        slots: &[&["suivi/budget-ecarts", "bfr/rotations"], &["decision/esperance", "decision/loi-normale"]],
        open: &[
            OpenTemplate {
                when: &["suivi/budget-ecarts"],
                prompt: "Quelles causes peuvent expliquer les écarts constatés ? Proposez des actions correctives.",
                points: [2, 2],
                ideas: &[
                    "Séparer l'écart sur quantité (volume, demande, concurrence, force de vente) de l'écart sur prix (remises accordées, politique tarifaire).",
                    "Actions : animation commerciale, révision des remises, relance des clients inactifs, ajustement des objectifs.",
                ],
                guidance: "1 point pour des causes liées au signe et à la nature de chaque écart, 1 point pour des actions cohérentes.",
            },
            OpenTemplate {
                when: &["bfr/rotations"],
                prompt: "Comment l'entreprise peut-elle réduire le besoin de financement de son cycle d'exploitation ? Proposez des actions sans dégrader la relation client.",
                points: [2, 2],
                ideas: &[
                    "Agir sur chaque délai : stock (réassort plus fréquent, suppression des références dormantes), crédit client (relances, escompte, acomptes), crédit fournisseur (négocier, dans la limite légale).",
                    "Mesurer le gain : des jours de chiffre d'affaires en moins se traduisent en euros de trésorerie libérée.",
                ],
                guidance: "1 point pour des actions reliées aux délais calculés, 1 point pour la prise en compte du client ou du fournisseur.",
            },
            OpenTemplate {
                when: &["decision/esperance"],
                prompt: "Quelle option recommandez-vous ? Tenez compte de l'espérance et du risque de chacune.",
                points: [2, 2],
                ideas: &[
                    "Écarter d'abord une option dominée ; comparer les espérances : le critère de base en avenir probabilisable.",
                    "Comparer les écarts types : à espérance voisine, préférer l'option la moins risquée ; selon l'attitude face au risque, arbitrer entre gain attendu et dispersion.",
                ],
                guidance: "1 point pour un choix justifié par l'espérance, 1 point pour la prise en compte du risque.",
            },
            OpenTemplate {
                when: &["decision/loi-normale"],
                prompt: "Quel niveau de stock recommandez-vous ? Pesez le risque de rupture contre le coût du stock.",
                points: [2, 2],
                ideas: &[
                    "Relier le stock au risque de rupture accepté : plus le risque toléré est faible, plus le stock de sécurité est élevé.",
                    "Coût d'un stock excessif (immobilisation, péremption, invendus) contre coût d'une rupture (vente perdue, client mécontent).",
                ],
                guidance: "1 point pour une recommandation chiffrée tirée des résultats, 1 point pour l'arbitrage rupture / coût.",
            },
        ],
        context: suivi,
        notes: &[],
    },
];
