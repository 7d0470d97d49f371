//! Presentations of instances and correction reports, apart from their generation.

pub mod breakeven_chart;
pub mod charts;
pub mod json;
pub mod markdown;
pub mod report;
