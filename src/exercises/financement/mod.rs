//! The financing family (S512 le financement des ventes et des investissements).

pub mod emprunt;
