//! The segmentation and portfolio analysis family (S522 « L'analyse du portefeuille
//! clients / prospects », with S432 and S423).

pub mod abc;
pub mod portfolio_pool;
pub mod prevision;
pub mod statistiques;
