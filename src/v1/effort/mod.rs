//! The commercial-effort family (S531 « L'estimation de l'effort commercial »).

pub mod amortissement;
pub mod charge_de_travail;
pub mod couts_seuil;
pub mod data;
