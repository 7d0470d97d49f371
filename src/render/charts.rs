//! Charts as inline SVG documents, drawn with `plotters` (numbers in, SVG text out).
//!
//! The SVG backend writes labels as `<text>` elements that the browser lays out, so no
//! system font is needed: `plotters` is built without its font features and only
//! estimates label widths. Coordinates are `f64` because they are only drawn; every
//! amount shown in a statement or a solution is computed and formatted elsewhere with
//! exact decimals. The document has no blank line, so it can sit inside Markdown as a
//! raw HTML block.

use crate::num::format;
use plotters::prelude::*;
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

/// One named line of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
}

/// A line chart with one left axis and, optionally, a right axis of its own scale
/// (e.g. a capital in hundreds of thousands of euros and interests in hundreds).
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub caption: String,
    pub x_label: String,
    pub y_label: String,
    pub series: Vec<Series>,
    /// Label of the right axis; its series are drawn only when it is given.
    pub y2_label: Option<String>,
    pub series2: Vec<Series>,
    pub width: u32,
    pub height: u32,
}

/// The palette of every chart of the project, in the order series are drawn.
pub(super) const COLOURS: [RGBColor; 4] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
];

fn bounds<'a>(series: impl Iterator<Item = &'a Series>) -> (f64, f64, f64, f64) {
    let mut b = (f64::MAX, f64::MIN, 0.0_f64, f64::MIN);
    for (x, y) in series.flat_map(|s| s.points.iter()) {
        b.0 = b.0.min(*x);
        b.1 = b.1.max(*x);
        b.2 = b.2.min(*y);
        b.3 = b.3.max(*y);
    }
    if b.0 > b.1 {
        b = (0.0, 1.0, 0.0, 1.0);
    }
    if b.1 <= b.0 {
        b.1 = b.0 + 1.0;
    }
    if b.3 <= b.2 {
        b.3 = b.2 + 1.0;
    }
    // A little headroom above the highest point.
    (b.0, b.1, b.2, b.3 + (b.3 - b.2) * 0.05)
}

/// A tick label in French ("12 500", "0,5"), with `dp` decimals at most.
pub(super) fn tick(v: f64, dp: u32) -> String {
    Decimal::from_f64(v).map_or_else(String::new, |d| format::number(d, dp))
}

/// Decimals of the ticks of an axis spanning `span`: none for large amounts.
fn tick_dp(span: f64) -> u32 {
    if span >= 20.0 {
        0
    } else {
        2
    }
}

/// The legend mark of a line series: a short segment of its colour.
pub(super) fn legend_line(colour: RGBColor) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], colour.stroke_width(2))
}

/// The SVG without its blank lines, so that it can stand as a raw HTML block in Markdown.
pub(super) fn without_blank_lines(svg: &str) -> String {
    let lines: Vec<&str> = svg.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.join("\n")
}

/// Draws `chart` and returns the SVG document (`<svg …>…</svg>`), or a message.
pub fn line_chart_svg(chart: &LineChart) -> Result<String, String> {
    let mut buf = String::new();
    {
        let root =
            SVGBackend::with_string(&mut buf, (chart.width, chart.height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let (x0, x1, y0, y1) = bounds(chart.series.iter());
        let right = chart.y2_label.is_some();
        let mut builder = ChartBuilder::on(&root);
        builder
            .caption(&chart.caption, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(44)
            .y_label_area_size(72);
        if right {
            builder.right_y_label_area_size(64);
        }
        let (_, _, z0, z1) = bounds(chart.series2.iter());
        let mut ctx = builder
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(|e| e.to_string())?
            .set_secondary_coord(x0..x1, z0..z1);
        ctx.configure_mesh()
            .x_desc(chart.x_label.as_str())
            .y_desc(chart.y_label.as_str())
            .x_label_formatter(&|v| tick(*v, tick_dp(x1 - x0)))
            .y_label_formatter(&|v| tick(*v, tick_dp(y1 - y0)))
            .x_labels(8)
            .y_labels(6)
            .max_light_lines(0)
            .label_style(("sans-serif", 12))
            .axis_desc_style(("sans-serif", 14))
            .draw()
            .map_err(|e| e.to_string())?;
        for (k, s) in chart.series.iter().enumerate() {
            let colour = COLOURS[k % COLOURS.len()];
            ctx.draw_series(LineSeries::new(
                s.points.iter().copied(),
                colour.stroke_width(2),
            ))
            .map_err(|e| e.to_string())?
            .label(s.name.as_str())
            .legend(legend_line(colour));
        }
        if let Some(label) = &chart.y2_label {
            ctx.configure_secondary_axes()
                .y_desc(label.as_str())
                .y_label_formatter(&|v| tick(*v, tick_dp(z1 - z0)))
                .y_labels(6)
                .label_style(("sans-serif", 12))
                .axis_desc_style(("sans-serif", 14))
                .draw()
                .map_err(|e| e.to_string())?;
            for (k, s) in chart.series2.iter().enumerate() {
                let colour = COLOURS[(chart.series.len() + k) % COLOURS.len()];
                ctx.draw_secondary_series(LineSeries::new(
                    s.points.iter().copied(),
                    colour.stroke_width(2),
                ))
                .map_err(|e| e.to_string())?
                .label(s.name.as_str())
                .legend(legend_line(colour));
            }
        }
        ctx.configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .label_font(("sans-serif", 13))
            .draw()
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(without_blank_lines(&buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(right: bool) -> LineChart {
        let capital: Vec<(f64, f64)> = (0..=24)
            .map(|k| (k as f64, 10_000.0 - 400.0 * k as f64))
            .collect();
        let interest: Vec<(f64, f64)> = (1..=24)
            .map(|k| (k as f64, 100.0 - 4.0 * k as f64))
            .collect();
        LineChart {
            caption: "Capital restant dû et intérêts".into(),
            x_label: "Période (mois)".into(),
            y_label: "Montant (€)".into(),
            series: vec![Series {
                name: "Capital restant dû".into(),
                points: capital,
            }],
            y2_label: right.then(|| "Intérêt (€)".into()),
            series2: vec![Series {
                name: "Intérêt de la période".into(),
                points: interest,
            }],
            width: 640,
            height: 360,
        }
    }

    #[test]
    fn svg_is_well_formed_and_labelled() {
        for right in [true, false] {
            let svg = line_chart_svg(&sample(right)).unwrap();
            assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
            assert!(svg.trim_end().ends_with("</svg>"));
            assert!(
                !svg.contains("\n\n"),
                "no blank line inside a Markdown HTML block"
            );
            for label in [
                "Période (mois)",
                "Montant (€)",
                "Capital restant dû",
                "Capital restant dû et intérêts",
            ] {
                assert!(svg.contains(label), "{label} absent");
            }
            assert_eq!(svg.contains("Intérêt (€)"), right);
            assert_eq!(svg.contains("Intérêt de la période"), right);
            // Ticks in French: thousands grouped with a narrow no-break space.
            assert!(svg.contains("10\u{202f}000") || svg.contains("8\u{202f}000"));
            // Each <text> is closed: as many openings as closings.
            assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
            assert!(svg.matches("<polyline").count() >= if right { 2 } else { 1 });
        }
    }

    #[test]
    fn empty_chart_does_not_panic() {
        let mut c = sample(false);
        c.series.clear();
        assert!(line_chart_svg(&c).unwrap().starts_with("<svg"));
    }
}
