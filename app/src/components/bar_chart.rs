//! A horizontal bar chart drawn on the server as SVG: readable without JavaScript, on a
//! phone (it scales to the width), and printed. Values are shares or scores out of 100.

use leptos::prelude::*;

use crate::model::Chart;

const ROW: f64 = 28.0;
/// Height of one line of a bar's label.
const LABEL: f64 = 18.0;
/// Characters of a label line: about 300 px at the label's 14 px, so that the chart fits a
/// 360 px phone; longer labels wrap onto more lines instead of running off the right edge.
const LABEL_LINE: usize = 38;

#[component]
pub fn BarChart(chart: Chart) -> impl IntoView {
    let two = chart.bars.iter().any(|b| b.compare.is_some());
    let per_bar = if two { 2.0 * ROW - 8.0 } else { ROW };
    let legend = chart.legend.clone();
    let mut top = 0.0;
    let bars = chart
        .bars
        .into_iter()
        .map(|bar| {
            let lines = wrap(&bar.label, LABEL_LINE);
            let label_height = lines.len() as f64 * LABEL;
            let bar_top = top + label_height;
            let label_top = top;
            top += label_height + per_bar;
            let width = |v: f64| format!("{:.1}%", v.clamp(0.0, 100.0) * 0.8);
            let value_x = |v: f64| format!("{:.1}%", v.clamp(0.0, 100.0) * 0.8 + 1.5);
            let first = bar.value;
            let second = bar.compare;
            let label = lines
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    let y = format!("{:.0}", label_top + 14.0 + i as f64 * LABEL);
                    view! {
                        <tspan x="0" y=y>
                            {line}
                        </tspan>
                    }
                })
                .collect_view();
            view! {
                <g>
                    <text class="chart-label">{label}</text>
                    <rect
                        x="0"
                        y=format!("{:.0}", bar_top)
                        width=width(first)
                        height="18"
                        class="chart-bar"
                    />
                    <text x=value_x(first) y=format!("{:.0}", bar_top + 14.0) class="chart-value">
                        {format!("{:.0}", first)}
                    </text>
                    {second
                        .map(|v| {
                            view! {
                                <rect
                                    x="0"
                                    y=format!("{:.0}", bar_top + 22.0)
                                    width=width(v)
                                    height="18"
                                    class="chart-bar compare"
                                />
                                <text
                                    x=value_x(v)
                                    y=format!("{:.0}", bar_top + 36.0)
                                    class="chart-value"
                                >
                                    {format!("{:.0}", v)}
                                </text>
                            }
                        })}
                </g>
            }
        })
        .collect_view();
    let height = top + 8.0;
    view! {
        <figure class="chart">
            <figcaption>{chart.heading.clone()}</figcaption>
            {legend
                .map(|(a, b)| {
                    view! {
                        <p class="chart-legend">
                            <span class="key"></span>
                            {a}
                            " "
                            <span class="key compare"></span>
                            {b}
                        </p>
                    }
                })}
            <svg
                role="img"
                aria-label=chart.heading
                width="100%"
                height=format!("{height:.0}")
                xmlns="http://www.w3.org/2000/svg"
            >
                {bars}
            </svg>
        </figure>
    }
}

/// `text` in lines of at most `width` characters, broken between words (a word longer than a
/// line gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn long_labels_wrap_between_words() {
        assert_eq!(wrap("Forces de défense", 38), ["Forces de défense"]);
        assert_eq!(
            wrap(
                "Connaître les six violations graves et savoir quoi faire",
                20
            ),
            [
                "Connaître les six",
                "violations graves et",
                "savoir quoi faire"
            ]
        );
        assert_eq!(wrap("", 10), [""]);
    }
}
