//! The customer-risk family (S521 « La mesure du risque client : solvabilité, encours » and
//! « La gestion du risque client : affacturage, recouvrement, plafonds de crédit »).

pub mod affacturage;
pub mod encours;
pub mod pools;
pub mod solvabilite;
