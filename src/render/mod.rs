//! Presentations of instances and correction reports, apart from their generation.

pub mod charts;
pub mod json;
pub mod markdown;
pub mod report;
pub mod stat_charts;
