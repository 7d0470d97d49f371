//! The pricing family (S511 le prix, S513 les marges, S443 la fixation du prix).

pub mod acceptabilite;
pub mod elasticite;
pub mod marges;
pub mod net_a_payer;
pub mod tva;
