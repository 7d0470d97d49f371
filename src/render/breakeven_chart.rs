//! The break-even chart (S531): two lines that cross at the seuil de rentabilité (CA and
//! total cost, or MCV and fixed costs), with the threshold marked by a dashed vertical
//! line, a dot and a French label. Coordinates are `f64` because they are only drawn;
//! the amounts written on the chart are formatted beforehand with exact decimals.

use super::charts::{legend_line, tick, without_blank_lines, Series, COLOURS};
use plotters::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct BreakEvenChart {
    pub caption: String,
    pub x_label: String,
    pub y_label: String,
    /// Exactly the two lines that cross at the threshold (more are drawn too).
    pub lines: Vec<Series>,
    /// The threshold: abscissa, ordinate and the label written next to it.
    pub threshold: (f64, f64),
    pub threshold_label: String,
    pub width: u32,
    pub height: u32,
}

/// Draws the chart and returns the SVG document, or a message.
pub fn breakeven_svg(chart: &BreakEvenChart) -> Result<String, String> {
    let mut buf = String::new();
    {
        let root =
            SVGBackend::with_string(&mut buf, (chart.width, chart.height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let mut x1 = chart.threshold.0 * 1.2;
        let mut y1 = chart.threshold.1 * 1.2;
        for (x, y) in chart.lines.iter().flat_map(|s| s.points.iter()) {
            x1 = x1.max(*x);
            y1 = y1.max(*y);
        }
        if !(x1 > 0.0 && y1 > 0.0 && x1.is_finite() && y1.is_finite()) {
            x1 = 1.0;
            y1 = 1.0;
        }
        y1 *= 1.08;
        let mut ctx = ChartBuilder::on(&root)
            .caption(&chart.caption, ("sans-serif", 18))
            .margin(14)
            .x_label_area_size(44)
            .y_label_area_size(84)
            .build_cartesian_2d(0.0..x1, 0.0..y1)
            .map_err(|e| e.to_string())?;
        ctx.configure_mesh()
            .x_desc(chart.x_label.as_str())
            .y_desc(chart.y_label.as_str())
            .x_label_formatter(&|v| tick(*v, 0))
            .y_label_formatter(&|v| tick(*v, 0))
            .x_labels(7)
            .y_labels(7)
            .max_light_lines(0)
            .label_style(("sans-serif", 12))
            .axis_desc_style(("sans-serif", 14))
            .draw()
            .map_err(|e| e.to_string())?;
        for (k, s) in chart.lines.iter().enumerate() {
            let colour = COLOURS[k % COLOURS.len()];
            ctx.draw_series(LineSeries::new(
                s.points.iter().copied(),
                colour.stroke_width(2),
            ))
            .map_err(|e| e.to_string())?
            .label(s.name.as_str())
            .legend(legend_line(colour));
        }
        let (sx, sy) = chart.threshold;
        let grey = RGBColor(90, 90, 90);
        ctx.draw_series(DashedLineSeries::new(
            vec![(sx, 0.0), (sx, sy)],
            6,
            4,
            grey.stroke_width(1),
        ))
        .map_err(|e| e.to_string())?;
        ctx.draw_series(std::iter::once(Circle::new((sx, sy), 5, BLACK.filled())))
            .map_err(|e| e.to_string())?;
        // The label goes left of the dot when the dot is in the right half.
        let left = sx > x1 * 0.55;
        let style = TextStyle::from(("sans-serif", 13).into_font()).color(&BLACK);
        let style = if left {
            style.pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Right,
                plotters::style::text_anchor::VPos::Bottom,
            ))
        } else {
            style
        };
        let dx = if left { -x1 * 0.015 } else { x1 * 0.015 };
        ctx.draw_series(std::iter::once(Text::new(
            chart.threshold_label.clone(),
            (sx + dx, sy + y1 * 0.03),
            style,
        )))
        .map_err(|e| e.to_string())?;
        ctx.configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
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

    fn sample() -> BreakEvenChart {
        let q = 9000.0;
        BreakEvenChart {
            caption: "Seuil de rentabilité".into(),
            x_label: "Quantité vendue (kits)".into(),
            y_label: "Montant (€)".into(),
            lines: vec![
                Series {
                    name: "Chiffre d'affaires".into(),
                    points: vec![(0.0, 0.0), (q, 50.0 * q)],
                },
                Series {
                    name: "Coût total".into(),
                    points: vec![(0.0, 120_000.0), (q, 120_000.0 + 30.0 * q)],
                },
            ],
            threshold: (6000.0, 300_000.0),
            threshold_label: "SR : 6 000 kits, 300 000 €".into(),
            width: 680,
            height: 420,
        }
    }

    #[test]
    fn svg_has_lines_marker_and_french_labels() {
        let svg = breakeven_svg(&sample()).unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(!svg.contains("\n\n"));
        for label in [
            "Seuil de rentabilité",
            "Quantité vendue (kits)",
            "Montant (€)",
            "Coût total",
            "SR : 6 000 kits, 300 000 €",
        ] {
            assert!(svg.contains(label), "{label} absent");
        }
        // The apostrophe is escaped as an XML entity.
        assert!(svg.contains("Chiffre d&#39;affaires") || svg.contains("Chiffre d&apos;affaires"));
        assert!(svg.contains("<circle"));
        assert!(svg.matches("<polyline").count() >= 2);
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    }

    #[test]
    fn degenerate_input_does_not_panic() {
        let mut c = sample();
        c.lines.clear();
        c.threshold = (f64::NAN, 0.0);
        assert!(breakeven_svg(&c).is_ok());
    }
}
