//! The provision dashboard as a CSV file for Excel: UTF-8 with a byte-order mark (so Cyrillic
//! and Kazakh letters open correctly), semicolons between fields (the list separator of
//! Excel in Kazakh and Russian), numbers with a point (`12345.67`, `34.8`), one table with
//! the total, the regions and the categories.
use app::domain::Lang;
use app::dto::ministry::{ProvisionRow, ProvisionView};
use app::i18n::tr;

/// The columns, as translation keys.
const HEADERS: [&str; 12] = [
    "provision-csv-group",
    "provision-csv-code",
    "provision-csv-name",
    "provision-people-entitled",
    "provision-entitlements",
    "provision-ordered",
    "provision-delivered",
    "provision-people-provided",
    "provision-rate",
    "provision-median-days",
    "provision-overdue",
    "provision-state-paid",
];

/// A field quoted when it holds a separator, a quote or a line break; a leading `=`, `+`,
/// `-` or `@` is neutralised so Excel never runs a name as a formula.
fn field(raw: &str) -> String {
    let safe = if raw.starts_with(['=', '+', '@']) || (raw.starts_with('-') && raw.len() > 1) {
        format!("'{raw}")
    } else {
        raw.to_owned()
    };
    if safe.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

fn line(group: &str, r: &ProvisionRow) -> String {
    [
        field(group),
        field(&r.code),
        field(&r.name),
        r.people_entitled.to_string(),
        r.entitlements.to_string(),
        r.ordered.to_string(),
        r.delivered.to_string(),
        r.people_provided.to_string(),
        r.rate_text().unwrap_or_default(),
        r.median_text().unwrap_or_default(),
        r.overdue.to_string(),
        r.state_paid.to_input(),
    ]
    .join(";")
}

/// The file's content.
pub fn render(view: &ProvisionView, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let headers: Vec<String> = HEADERS.iter().map(|k| field(&tr(lang, k))).collect();
    out.push_str(&headers.join(";"));
    out.push_str("\r\n");
    out.push_str(&line(&tr(lang, "provision-csv-total"), &view.total));
    out.push_str("\r\n");
    let region = tr(lang, "provision-csv-region");
    for r in &view.regions {
        out.push_str(&line(&region, r));
        out.push_str("\r\n");
    }
    let category = tr(lang, "provision-csv-category");
    for r in &view.categories {
        out.push_str(&line(&category, r));
        out.push_str("\r\n");
    }
    out
}

/// The file name for a period.
pub fn file_name(view: &ProvisionView) -> String {
    format!("provision_{}_{}.csv", view.from, view.to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_separators_are_quoted_and_formulas_neutralised() {
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("-"), "-");
    }
}
