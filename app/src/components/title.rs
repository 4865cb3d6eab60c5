//! The page's `<title>`: the only place that sets it. `leptos_meta` writes a title's text
//! into the HTML head as it is, so a supplier's name or an offering's title holding
//! `</title><meta http-equiv="refresh" ...>` would become live markup in the head (which a
//! Content-Security-Policy does not cover). Every title goes through [`PageTitle`], and the
//! one formatter ([`format_title`]) escapes the whole text when the page is rendered on the
//! server; in the browser the text is set as text and needs no escaping.
use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the page's title to `text` (the portal's name is added by [`format_title`]).
#[component]
pub fn PageTitle(
    /// The title, as the reader should see it (never markup).
    #[prop(into)]
    text: String,
) -> impl IntoView {
    view! { <Title text=text/> }
}

/// `text` escaped for the inside of an HTML element.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The whole `<title>` text: the page's title and the portal's name, escaped on the server.
pub fn format_title(page: &str, portal: &str) -> String {
    let text = if page.is_empty() { portal.to_owned() } else { format!("{page} — {portal}") };
    if cfg!(feature = "ssr") {
        escape_html(&text)
    } else {
        text
    }
}

/// The app-wide title formatter, set once in the root component.
#[component]
pub fn TitleFormatter(
    /// The portal's name in the reader's language.
    portal: String,
) -> impl IntoView {
    view! { <Title formatter=move |page: String| format_title(&page, &portal)/> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_title_is_escaped() {
        assert_eq!(
            escape_html(r#"</title><meta http-equiv="refresh" content="0;url=http://evil.example/">"#),
            "&lt;/title&gt;&lt;meta http-equiv=&quot;refresh&quot; content=&quot;0;url=http://evil.example/&quot;&gt;"
        );
        assert_eq!(escape_html("ТОО «Медтехника» & Co"), "ТОО «Медтехника» &amp; Co");
    }
}
