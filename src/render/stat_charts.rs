//! Statistical charts of the segmentation family as inline SVG (plotters' SVG backend):
//! the concentration (Pareto) curve, the histogram of a grouped series and the box plot.
//!
//! Like [`super::charts`], coordinates are `f64` because they are only drawn; labels are
//! `<text>` elements laid out by the browser, and the document has no blank line so that
//! it can sit in Markdown as a raw HTML block. Drawn with the basic elements (rectangles,
//! paths, circles), which need no extra plotters feature.

use super::charts::{legend_line, tick, without_blank_lines, COLOURS};
use plotters::prelude::*;

const BLUE: RGBColor = COLOURS[0];
const RED: RGBColor = COLOURS[1];
const GREY: RGBColor = RGBColor(120, 120, 120);
const LIGHT_BLUE: RGBColor = RGBColor(174, 199, 232);

fn finish(buf: String) -> String {
    without_blank_lines(&buf)
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// The concentration curve: cumulative % of customers (x) against cumulative % of CA
/// (y), from (0 ; 0) to (100 ; 100), with the equal-distribution diagonal and a dotted
/// vertical line at the end of each class (`(x, "A")` marks the end of class A).
pub fn concentration_svg(
    points: &[(f64, f64)],
    class_ends: &[(f64, String)],
) -> Result<String, String> {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (560, 520)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let mut ctx = ChartBuilder::on(&root)
            .caption(
                "Courbe de concentration du chiffre d'affaires",
                ("sans-serif", 18),
            )
            .margin(14)
            .x_label_area_size(46)
            .y_label_area_size(60)
            .build_cartesian_2d(0.0..100.0, 0.0..100.0)
            .map_err(err)?;
        ctx.configure_mesh()
            .x_desc("Pourcentage cumulé de clients (%)")
            .y_desc("Pourcentage cumulé du CA (%)")
            .x_label_formatter(&|v| tick(*v, 0))
            .y_label_formatter(&|v| tick(*v, 0))
            .x_labels(11)
            .y_labels(11)
            .max_light_lines(0)
            .label_style(("sans-serif", 12))
            .axis_desc_style(("sans-serif", 14))
            .draw()
            .map_err(err)?;
        let mut prev = 0.0;
        for (x, name) in class_ends {
            ctx.draw_series(std::iter::once(PathElement::new(
                vec![(*x, 0.0), (*x, 100.0)],
                GREY.stroke_width(2),
            )))
            .map_err(err)?;
            ctx.draw_series(std::iter::once(Text::new(
                format!("classe {name}"),
                ((prev + x) / 2.0 - 4.0, 6.0),
                ("sans-serif", 13).into_font().color(&GREY),
            )))
            .map_err(err)?;
            prev = *x;
        }
        ctx.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (100.0, 100.0)],
            RED.stroke_width(1),
        )))
        .map_err(err)?
        .label("Droite d'équirépartition")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], RED.stroke_width(1)));
        let mut curve = vec![(0.0, 0.0)];
        curve.extend(points.iter().copied());
        ctx.draw_series(LineSeries::new(curve.iter().copied(), BLUE.stroke_width(2)))
            .map_err(err)?
            .label("Courbe de concentration")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], BLUE.stroke_width(2)));
        ctx.draw_series(curve.iter().map(|p| Circle::new(*p, 3, BLUE.filled())))
            .map_err(err)?;
        ctx.configure_series_labels()
            .position(SeriesLabelPosition::MiddleRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .label_font(("sans-serif", 13))
            .draw()
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(finish(buf))
}

/// A histogram of classes `[lower, upper[` with their counts (equal widths: the height
/// is the count).
pub fn histogram_svg(
    bins: &[(f64, f64, f64)],
    x_label: &str,
    y_label: &str,
) -> Result<String, String> {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (640, 380)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let x0 = bins.first().map_or(0.0, |b| b.0);
        let x1 = bins.last().map_or(1.0, |b| b.1).max(x0 + 1.0);
        let top = bins.iter().map(|b| b.2).fold(1.0_f64, f64::max) * 1.15;
        let mut ctx = ChartBuilder::on(&root)
            .caption(
                "Histogramme de la répartition des clients",
                ("sans-serif", 18),
            )
            .margin(14)
            .x_label_area_size(46)
            .y_label_area_size(60)
            .build_cartesian_2d(x0..x1, 0.0..top)
            .map_err(err)?;
        ctx.configure_mesh()
            .x_desc(x_label)
            .y_desc(y_label)
            .x_label_formatter(&|v| tick(*v, 0))
            .y_label_formatter(&|v| tick(*v, 0))
            .x_labels(bins.len() + 1)
            .y_labels(6)
            .max_light_lines(0)
            .disable_x_mesh()
            .label_style(("sans-serif", 12))
            .axis_desc_style(("sans-serif", 14))
            .draw()
            .map_err(err)?;
        ctx.draw_series(
            bins.iter()
                .map(|&(lo, hi, n)| Rectangle::new([(lo, 0.0), (hi, n)], LIGHT_BLUE.filled())),
        )
        .map_err(err)?;
        ctx.draw_series(
            bins.iter()
                .map(|&(lo, hi, n)| Rectangle::new([(lo, 0.0), (hi, n)], BLUE.stroke_width(1))),
        )
        .map_err(err)?;
        ctx.draw_series(bins.iter().map(|&(lo, hi, n)| {
            Text::new(
                tick(n, 0),
                ((lo + hi) / 2.0 - (hi - lo) * 0.04, n + top * 0.05),
                ("sans-serif", 12).into_font(),
            )
        }))
        .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(finish(buf))
}

/// A horizontal box plot: whiskers from the minimum to the maximum, box from Q1 to Q3,
/// a line at the median and a cross at the mean.
pub fn box_plot_svg(five: [f64; 5], mean: f64, x_label: &str) -> Result<String, String> {
    let [min, q1, me, q3, max] = five;
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (640, 260)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let span = (max - min).max(1.0);
        let (x0, x1) = (min - span * 0.08, max + span * 0.08);
        let mut ctx = ChartBuilder::on(&root)
            .caption("Boîte à moustaches de la série", ("sans-serif", 18))
            .margin(14)
            .x_label_area_size(46)
            .y_label_area_size(10)
            .build_cartesian_2d(x0..x1, 0.0..4.0)
            .map_err(err)?;
        ctx.configure_mesh()
            .x_desc(x_label)
            .x_label_formatter(&|v| tick(*v, 0))
            .x_labels(8)
            .y_labels(0)
            .disable_y_mesh()
            .disable_y_axis()
            .max_light_lines(0)
            .label_style(("sans-serif", 12))
            .axis_desc_style(("sans-serif", 14))
            .draw()
            .map_err(err)?;
        let (lo, hi, mid) = (1.3, 2.7, 2.0);
        ctx.draw_series([
            PathElement::new(vec![(min, mid), (q1, mid)], BLUE.stroke_width(2)),
            PathElement::new(vec![(q3, mid), (max, mid)], BLUE.stroke_width(2)),
            PathElement::new(vec![(min, 1.6), (min, 2.4)], BLUE.stroke_width(2)),
            PathElement::new(vec![(max, 1.6), (max, 2.4)], BLUE.stroke_width(2)),
            PathElement::new(vec![(me, lo), (me, hi)], RED.stroke_width(3)),
        ])
        .map_err(err)?;
        ctx.draw_series(std::iter::once(Rectangle::new(
            [(q1, lo), (q3, hi)],
            BLUE.stroke_width(2),
        )))
        .map_err(err)?;
        ctx.draw_series(std::iter::once(Cross::new(
            (mean, mid),
            6,
            BLACK.stroke_width(2),
        )))
        .map_err(err)?;
        let labels = [
            (min, "min."),
            (q1, "Q1"),
            (me, "Me"),
            (q3, "Q3"),
            (max, "max."),
        ];
        // Labels alternate above and below so that close values stay readable.
        ctx.draw_series(labels.iter().enumerate().map(|(k, &(x, name))| {
            let y = if k % 2 == 0 { 3.3 } else { 0.55 };
            Text::new(
                format!("{name} {}", tick(x, 2)),
                (x - span * 0.04, y),
                ("sans-serif", 12).into_font(),
            )
        }))
        .map_err(err)?;
        ctx.draw_series(std::iter::once(Text::new(
            "× moyenne",
            (x1 - span * 0.2, 3.8),
            ("sans-serif", 12).into_font(),
        )))
        .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(finish(buf))
}

/// Sales series, trend line and forecasts (x = rank of the period, y in euros), with the
/// legend in the lower right corner, which stays empty since the axis starts at zero.
pub fn forecast_svg(
    observed: &[(f64, f64)],
    trend: &[(f64, f64)],
    forecast: &[(f64, f64)],
    x_label: &str,
) -> Result<String, String> {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (640, 380)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let all = observed.iter().chain(trend).chain(forecast);
        let x1 = all.clone().map(|p| p.0).fold(1.0_f64, f64::max) + 0.5;
        let top = all.map(|p| p.1).fold(1.0_f64, f64::max) * 1.08;
        let mut ctx = ChartBuilder::on(&root)
            .caption("Ventes, tendance et prévisions", ("sans-serif", 18))
            .margin(14)
            .x_label_area_size(46)
            .y_label_area_size(76)
            .build_cartesian_2d(0.5..x1, 0.0..top)
            .map_err(err)?;
        ctx.configure_mesh()
            .x_desc(x_label)
            .y_desc("Ventes HT (€)")
            .x_label_formatter(&|v| tick(*v, 0))
            .y_label_formatter(&|v| tick(*v, 0))
            .x_labels(x1 as usize + 1)
            .y_labels(6)
            .max_light_lines(0)
            .label_style(("sans-serif", 12))
            .axis_desc_style(("sans-serif", 14))
            .draw()
            .map_err(err)?;
        let green = COLOURS[2];
        for (points, colour, name) in [
            (observed, BLUE, "Ventes observées"),
            (trend, RED, "Droite de tendance"),
            (forecast, green, "Prévisions"),
        ] {
            ctx.draw_series(LineSeries::new(
                points.iter().copied(),
                colour.stroke_width(2),
            ))
            .map_err(err)?
            .label(name)
            .legend(legend_line(colour));
            if name != "Droite de tendance" {
                ctx.draw_series(points.iter().map(|p| Circle::new(*p, 3, colour.filled())))
                    .map_err(err)?;
            }
        }
        ctx.configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .label_font(("sans-serif", 13))
            .draw()
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(finish(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn well_formed(svg: &str) {
        assert!(svg.starts_with("<svg"));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(!svg.contains("\n\n"));
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    }

    #[test]
    fn concentration_curve() {
        let pts = [(25.0, 60.0), (50.0, 85.0), (75.0, 95.0), (100.0, 100.0)];
        let svg = concentration_svg(
            &pts,
            &[(25.0, "A".into()), (50.0, "B".into()), (100.0, "C".into())],
        )
        .unwrap();
        well_formed(&svg);
        for label in [
            "Pourcentage cumulé de clients (%)",
            "Pourcentage cumulé du CA (%)",
            "équirépartition",
            "classe A",
        ] {
            assert!(svg.contains(label), "{label}");
        }
    }

    #[test]
    fn histogram_and_box_plot() {
        let svg = histogram_svg(
            &[(0.0, 5000.0, 38.0), (5000.0, 10000.0, 72.0)],
            "CA annuel (€)",
            "Nombre de clients",
        )
        .unwrap();
        well_formed(&svg);
        assert!(svg.contains("CA annuel (€)") && svg.contains("5\u{202f}000"));
        let svg = box_plot_svg([40.0, 58.0, 68.0, 72.0, 77.0], 65.0, "CA mensuel (k€)").unwrap();
        well_formed(&svg);
        assert!(svg.contains("Me 68") && svg.contains("CA mensuel (k€)"));
        let svg = forecast_svg(
            &[(1.0, 10.0), (2.0, 12.0)],
            &[(1.0, 9.0), (3.0, 13.0)],
            &[(3.0, 14.0)],
            "Rang du trimestre (x)",
        )
        .unwrap();
        well_formed(&svg);
        assert!(svg.contains("Droite de tendance") && svg.contains("Ventes HT (€)"));
        // Degenerate inputs do not panic.
        assert!(forecast_svg(&[], &[], &[], "x").is_ok());
        assert!(histogram_svg(&[], "x", "y").is_ok());
        assert!(box_plot_svg([5.0; 5], 5.0, "x").is_ok());
    }
}
