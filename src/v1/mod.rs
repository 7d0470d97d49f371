//! Version 1 of every exercise type, frozen with its data (`exercises/v1/`).
//!
//! Codes printed before version 2 (`NAP-77`, `PEN-11`…) must regenerate the very same
//! exercise, byte for byte, for as long as the tool exists: this tree is a copy of the
//! modules as they were when version 2 began, and is never edited again (the snapshot
//! tests `v1_*` and the digest in `tests/frozen_v1.rs` fail on any change). The current
//! modules live in [`crate::exercises`]; grading rules are shared, so a version-1 code is
//! graded with today's corrector.

pub mod action;
pub mod bfr;
pub mod context;
pub mod data;
pub mod decision;
pub mod effort;
pub mod financement;
pub mod prix;
pub mod risque;
pub mod segmentation;
pub mod sql;
pub mod suivi;
pub mod valeur;

use crate::generate::Exercise;

/// Every type as version 1 produced it, in catalog order.
pub static ALL: &[&dyn Exercise] = &[
    &prix::net_a_payer::NetAPayer,
    &prix::marges::Marges,
    &prix::tva::Tva,
    &prix::acceptabilite::Acceptabilite,
    &prix::elasticite::Elasticite,
    &financement::interets_simples::InteretsSimples,
    &financement::escompte_reglement::EscompteReglement,
    &financement::penalites::Penalites,
    &financement::emprunt::Emprunt,
    &financement::escompte_effets::EscompteEffets,
    &financement::choix_financement::ChoixFinancement,
    &financement::equivalence::Equivalence,
    &financement::interets_composes::InteretsComposes,
    &segmentation::scoring::Scoring,
    &segmentation::clientele_potentielle::ClientelePotentielle,
    &segmentation::detention::Detention,
    &segmentation::abc::Abc,
    &segmentation::statistiques::Statistiques,
    &segmentation::prevision::Prevision,
    &valeur::compte_exploitation::CompteExploitation,
    &valeur::valeur_client::ValeurClient,
    &valeur::potentiel::Potentiel,
    &risque::encours::Encours,
    &risque::solvabilite::Solvabilite,
    &risque::affacturage::Affacturage,
    &bfr::rotations::Rotations,
    &effort::charge_de_travail::ChargeDeTravail,
    &effort::couts_seuil::CoutsSeuil,
    &effort::amortissement::Amortissement,
    &action::cout_roi::CoutRoi,
    &action::entonnoir::Entonnoir,
    &action::rentabilite_investissement::RentabiliteInvestissement,
    &decision::esperance::Esperance,
    &decision::loi_normale::LoiNormale,
    &suivi::budget_ecarts::BudgetEcarts,
    &sql::requete::Requete,
    &sql::fiabilisation::Fiabilisation,
    &sql::conception::Conception,
];

pub fn find(id: &str) -> Option<&'static dyn Exercise> {
    ALL.iter().copied().find(|e| e.id() == id)
}
