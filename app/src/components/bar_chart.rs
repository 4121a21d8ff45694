//! A horizontal bar chart drawn on the server as SVG: readable without JavaScript, on a
//! phone (it scales to the width), and printed. Values are shares or scores out of 100.

use leptos::prelude::*;

use crate::model::Chart;

const ROW: f64 = 28.0;
const LABEL: f64 = 18.0;

#[component]
pub fn BarChart(chart: Chart) -> impl IntoView {
    let two = chart.bars.iter().any(|b| b.compare.is_some());
    let per_bar = if two { 2.0 * ROW - 8.0 } else { ROW };
    let height = chart.bars.len() as f64 * (per_bar + LABEL) + 8.0;
    let legend = chart.legend.clone();
    let bars = chart
        .bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let top = i as f64 * (per_bar + LABEL);
            let width = |v: f64| format!("{:.1}%", v.clamp(0.0, 100.0) * 0.8);
            let value_x = |v: f64| format!("{:.1}%", v.clamp(0.0, 100.0) * 0.8 + 1.5);
            let first = bar.value;
            let second = bar.compare;
            view! {
                <g>
                    <text x="0" y=format!("{:.0}", top + 14.0) class="chart-label">{bar.label}</text>
                    <rect x="0" y=format!("{:.0}", top + LABEL) width=width(first) height="18" class="chart-bar" />
                    <text x=value_x(first) y=format!("{:.0}", top + LABEL + 14.0) class="chart-value">{format!("{:.0}", first)}</text>
                    {second.map(|v| view! {
                        <rect x="0" y=format!("{:.0}", top + LABEL + 22.0) width=width(v) height="18" class="chart-bar compare" />
                        <text x=value_x(v) y=format!("{:.0}", top + LABEL + 36.0) class="chart-value">{format!("{:.0}", v)}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <figcaption>{chart.heading.clone()}</figcaption>
            {legend.map(|(a, b)| view! {
                <p class="chart-legend"><span class="key"></span>{a}" "<span class="key compare"></span>{b}</p>
            })}
            <svg role="img" aria-label=chart.heading width="100%" height=format!("{height:.0}") xmlns="http://www.w3.org/2000/svg">
                {bars}
            </svg>
        </figure>
    }
}
