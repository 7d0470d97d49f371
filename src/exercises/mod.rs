//! One module per exercise type, grouped by family. Each turns the pure calculations of
//! [`crate::calc`] into a French statement, questions, known mistakes and worked steps.

pub mod context;
pub mod financement;
pub mod prix;
pub mod sql;

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
    &sql::requete::Requete,
    &sql::fiabilisation::Fiabilisation,
    &sql::conception::Conception,
];

pub fn find(id: &str) -> Option<&'static dyn Exercise> {
    ALL.iter().copied().find(|e| e.id() == id)
}
