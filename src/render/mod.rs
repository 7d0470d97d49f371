//! Presentations of instances and correction reports, apart from their generation.

pub mod breakeven_chart;
pub mod charts;
pub mod class_report;
pub mod e5_html;
pub mod gift;
pub mod html;
pub mod json;
pub mod markdown;
pub mod moodle;
pub mod report;
pub mod sheet_csv;
pub mod stat_charts;
