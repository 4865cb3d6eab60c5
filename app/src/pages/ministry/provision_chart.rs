//! The provision rate by region as an SVG bar chart drawn on the server: no script, no chart
//! library. It is an image with a name for screen readers; the table beside it holds the same
//! numbers and is the accessible form.
use crate::dto::ministry::ProvisionRow;
use crate::i18n::use_i18n;
use leptos::prelude::*;

const WIDTH: u32 = 720;
const LABEL: u32 = 260;
const BAR_MAX: u32 = 360;
const ROW: u32 = 30;
const BAR: u32 = 20;

/// One bar per row: its provision rate, longest for 100 %; a row without entitled people says
/// so instead of drawing nothing.
#[component]
pub fn ProvisionChart(rows: Vec<ProvisionRow>, caption_id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let height = ROW * u32::try_from(rows.len()).unwrap_or(0) + 30;
    let no_data = i18n.t("provision-no-data");
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let y = ROW * u32::try_from(i).unwrap_or(0);
            let text_y = y + BAR - 5;
            let width = r.rate_permille.map(|p| p.min(1000) * BAR_MAX / 1000).unwrap_or(0);
            let value = r.rate_text().map(|t| format!("{t} %")).unwrap_or_else(|| no_data.clone());
            view! {
                <g>
                    <text x=(LABEL - 8).to_string() y=text_y.to_string() text-anchor="end" font-size="14" class="app-chart__label">{r.name}</text>
                    <rect x=LABEL.to_string() y=y.to_string() width=width.to_string() height=BAR.to_string() class="app-chart__bar"/>
                    <text x=(LABEL + width + 6).to_string() y=text_y.to_string() font-size="14" class="app-chart__label">{value}</text>
                </g>
            }
        })
        .collect_view();
    let axis_y = height - 24;
    let ticks = [0u32, 25, 50, 75, 100]
        .into_iter()
        .map(|t| {
            let x = LABEL + t * BAR_MAX / 100;
            view! {
                <line x1=x.to_string() x2=x.to_string() y1="0" y2=axis_y.to_string() stroke="#505a5f" stroke-width="1" stroke-dasharray="2 4"/>
                <text x=x.to_string() y=(axis_y + 18).to_string() text-anchor="middle" font-size="13" class="app-chart__label">{format!("{t} %")}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="app-chart" aria-labelledby=caption_id>
            <figcaption id=caption_id>{i18n.t("provision-chart-caption")}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=i18n.t("provision-chart-label") focusable="false">
                {ticks}
                {bars}
            </svg>
        </figure>
    }
}
