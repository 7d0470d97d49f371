//! The commercial-effort family (S531 « L'estimation de l'effort commercial »).

pub mod charge_de_travail;
