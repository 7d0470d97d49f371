//! The dossiers an E5 subject can hold: their commercial problem, the exercise types
//! that may serve it and the open questions written for it, with their marking guidance.

use crate::world::{Business, Product};

/// An open question (diagnosis, proposals), marked by the teacher.
pub struct OpenTemplate {
    pub prompt: &'static str,
    /// Points when the subject has three dossiers (20 points each) or four (15 each).
    pub points: [u32; 2],
    /// The ideas a good answer develops, one line each.
    pub ideas: &'static [&'static str],
    pub guidance: &'static str,
}

pub struct DossierTemplate {
    pub title: &'static str,
    /// Each slot is served by one of these exercise types, picked from the seed.
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
        "{} veut mieux répartir le temps de sa force de vente entre ses clients. {}, membre de la force de vente, constate que toutes les visites se ressemblent, quel que soit le poids du client. Vous êtes chargé(e) d'analyser le portefeuille, de cibler les clients à privilégier et de calculer les moyens humains nécessaires.",
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
        "La direction de {} s'interroge sur ce que rapportent réellement certains comptes et sur le risque d'impayés qu'ils font courir à sa trésorerie. Elle souhaite aussi savoir si l'action commerciale menée récemment mérite d'être reconduite.",
        lowercase_article(b)
    )
}

fn suivi(b: &Business, _p: &Product) -> String {
    format!(
        "En fin de période, {} compare ses réalisations à ses prévisions et doit arbitrer entre plusieurs actions dont le résultat est incertain. Vous analysez les écarts et éclairez la décision.",
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
            &["segmentation/abc"],
            &["segmentation/scoring", "segmentation/statistiques"],
            &["effort/charge-de-travail"],
        ],
        open: &[OpenTemplate {
            prompt: "À partir de vos calculs, rédigez une note à l'attention de la direction : proposez une politique de visite différenciée selon les segments de clientèle et les moyens à y consacrer.",
            points: [4, 3],
            ideas: &[
                "Identifier les clients à fort poids (classe A, meilleurs scores) et leur réserver un suivi personnalisé : visites plus fréquentes, interlocuteur attitré, offres sur mesure.",
                "Servir les petits clients à moindre coût : télévente, courriel, commande en ligne, visites espacées.",
                "Relier les fréquences de visite retenues à l'effectif nécessaire et à son coût ; réaffecter plutôt que recruter si possible.",
                "Prévoir des indicateurs de suivi : CA et marge par segment, taux de couverture des visites, coût commercial par client.",
                "Nuancer : données d'une seule période, potentiel des clients non mesuré, un petit client peut être un gros prospect.",
            ],
            guidance: "Note structurée (constat, propositions, moyens) : 1 point pour la forme ; le reste à raison d'environ 1 point par idée pertinente reliée aux résultats chiffrés. Une proposition sans lien avec les calculs ne rapporte pas plus de la moitié des points.",
        }],
        context: portefeuille,
        notes: &[
            ("segmentation/scoring", "Un fichier de clients et de prospects est à hiérarchiser selon la grille de l'entreprise."),
            ("segmentation/statistiques", "L'étude d'une série de ventes récentes complète l'analyse du portefeuille."),
        ],
    },
    DossierTemplate {
        title: "Fixer un prix et une offre de paiement ou de financement",
        slots: &[
            &["prix/marges"],
            &["prix/net-a-payer"],
            &["financement/escompte-reglement", "financement/choix-financement"],
        ],
        open: &[OpenTemplate {
            prompt: "Quelle offre (prix, réductions, conditions de règlement ou de financement) conseillez-vous de présenter ? Justifiez en pesant l'intérêt de l'entreprise et celui du client.",
            points: [4, 3],
            ideas: &[
                "Vérifier que le prix retenu couvre le coût d'achat et dégage la marge visée ; situer ce prix face à la concurrence et au prix acceptable pour le client.",
                "Les réductions se calculent en cascade : leur effet cumulé est inférieur à la somme des taux ; les réserver aux contreparties (quantité, fidélité).",
                "L'escompte ou le financement a un coût pour l'entreprise et un intérêt pour sa trésorerie ; le comparer au coût d'un découvert ou d'un crédit.",
                "Pour le client : coût total, trésorerie, simplicité ; en faire des arguments de vente chiffrés.",
                "Conclure par une offre précise et cohérente avec les calculs du dossier.",
            ],
            guidance: "Attendre une recommandation claire (1 point), deux ou trois arguments chiffrés tirés du dossier (1 à 2 points) et la prise en compte du point de vue du client (1 point).",
        }],
        context: prix,
        notes: &[
            ("financement/escompte-reglement", "Un client hésite entre payer comptant avec escompte et payer à l'échéance."),
            ("financement/choix-financement", "L'entreprise doit aussi financer un équipement nécessaire à son activité commerciale : le mode de financement pèse sur sa trésorerie, donc sur les délais qu'elle peut accorder."),
        ],
    },
    DossierTemplate {
        title: "Évaluer la rentabilité et le risque d'un client ou d'une action",
        slots: &[
            &["valeur/compte-exploitation-client"],
            &["risque/encours", "risque/solvabilite"],
            &["action/cout-roi"],
        ],
        open: &[
            OpenTemplate {
                prompt: "Le client étudié est-il un compte à développer, à maintenir ou à surveiller ? Argumentez à partir de sa rentabilité et du risque qu'il présente.",
                points: [2, 2],
                ideas: &[
                    "Lire la marge ou le résultat du compte client : un gros chiffre d'affaires n'est pas forcément rentable.",
                    "Confronter la rentabilité au risque : encours, délai de paiement, solvabilité ; fixer ou revoir un plafond de crédit, demander des garanties.",
                    "Proposer des actions : conditions de règlement, relances, visite de négociation, vente additionnelle si le compte est sain.",
                ],
                guidance: "1 point pour un diagnostic qui combine rentabilité et risque, 1 point pour une décision argumentée accompagnée d'au moins une action concrète.",
            },
            OpenTemplate {
                prompt: "L'action commerciale étudiée doit-elle être reconduite ? Proposez deux indicateurs pour en suivre les résultats.",
                points: [3, 2],
                ideas: &[
                    "Conclure à partir du ROI et du résultat de l'action : une action rentable est à reconduire, une action déficitaire à revoir (cible, coût, canal).",
                    "Tenir compte des effets non chiffrés : image, fichier de prospects, fidélisation.",
                    "Indicateurs : taux de retour, taux de transformation, CA et marge générés, coût par contact ou par client gagné, ROI.",
                ],
                guidance: "1 point pour la décision justifiée par le ROI ; 1 point (ou 2 sur 3) pour deux indicateurs pertinents et mesurables.",
            },
        ],
        context: rentabilite,
        notes: &[],
    },
    DossierTemplate {
        title: "Suivre les résultats et décider",
        slots: &[&["suivi/budget-ecarts"], &["decision/esperance"]],
        open: &[
            OpenTemplate {
                prompt: "Quelles causes peuvent expliquer les écarts constatés ? Proposez des actions correctives.",
                points: [2, 2],
                ideas: &[
                    "Séparer l'écart sur quantité (volume, demande, concurrence, force de vente) de l'écart sur prix (remises accordées, politique tarifaire).",
                    "Actions : animation commerciale, révision des remises, relance des clients inactifs, ajustement des objectifs.",
                ],
                guidance: "1 point pour des causes liées au signe et à la nature de chaque écart, 1 point pour des actions cohérentes.",
            },
            OpenTemplate {
                prompt: "Quelle option recommandez-vous ? Tenez compte de l'espérance et du risque de chacune.",
                points: [2, 2],
                ideas: &[
                    "Comparer les espérances : le critère de base en avenir probabilisable.",
                    "Comparer les écarts types : à espérance voisine, préférer l'option la moins risquée ; selon l'attitude face au risque, arbitrer entre gain attendu et dispersion.",
                ],
                guidance: "1 point pour un choix justifié par l'espérance, 1 point pour la prise en compte du risque.",
            },
        ],
        context: suivi,
        notes: &[],
    },
];
