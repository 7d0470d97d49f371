//! One module per exercise type, grouped by family. Each turns the pure calculations of
//! [`crate::calc`] into a French statement, questions, known mistakes and worked steps.

pub mod action;
pub mod bfr;
pub mod context;
pub mod decision;
pub mod effort;
pub mod equipment;
pub mod financement;
pub mod prix;
pub mod risque;
pub mod segmentation;
pub mod sql;
pub mod suivi;
pub mod valeur;

use crate::generate::Exercise;

/// Every exercise type, in catalog order. Adding a type is one line here plus its
/// catalog entry in `exercises/catalogue.toml`.
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

/// The type `id` as version `version` produced it: version 1 from the frozen copies, the
/// current version from this tree; `None` for a version the type never had.
pub fn find_version(id: &str, version: u32) -> Option<&'static dyn Exercise> {
    match version {
        1 => crate::v1::find(id),
        _ => find(id).filter(|e| e.version() == version),
    }
}
