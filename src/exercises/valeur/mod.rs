//! The customer-value family (S521 « L'analyse de la valeur et du risque individuel
//! client »): what one customer brings in, and what it could bring.

pub mod compte_exploitation;
pub mod potentiel;
pub mod valeur_client;

use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw};
use crate::world::Clientele;

/// A scene between two businesses: the account of one customer, its rebates, its credit
/// and its balance sheet only make sense for a private business customer of a business
/// that sells to businesses (public buyers go through tenders and public accounting).
pub fn b2b_scene(d: &mut Draw) -> Result<Scene, Degenerate> {
    let scene = Scene::draw(d.rng());
    if !scene.customer.is_private_firm() || scene.business.clientele == Clientele::Particuliers {
        return Err(Degenerate(
            "client ou fournisseur non professionnel, ou acheteur public".into(),
        ));
    }
    Ok(scene)
}
