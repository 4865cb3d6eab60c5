//! The one pager of every long list: a `<nav>` of plain links (previous, the first and last
//! pages, two either side of this one, next) and "page N of M" in words. Each link is the
//! list's own address with only `page` changed, so filters survive paging and it all works
//! without JavaScript.
use crate::components::url::encode;
use crate::dto::PageInfo;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::params::ParamsMap;
use std::sync::Arc;

/// Builds the address of page `n` of a list.
pub type PageHref = Arc<dyn Fn(u32) -> String + Send + Sync>;

/// The page asked for in the address: a missing or malformed `page` means the first page.
pub fn page_param(q: &ParamsMap) -> u32 {
    page_number(q.get("page").as_deref())
}

/// A page number as typed in an address: anything but a positive whole number is page 1.
pub fn page_number(raw: Option<&str>) -> u32 {
    raw.and_then(|p| p.trim().parse().ok()).unwrap_or(1).max(1)
}

/// `path?query` with `page` set to `page` and every other parameter of `query` kept as it was.
pub fn with_page(path: &str, query: impl IntoIterator<Item = (String, String)>, page: u32) -> String {
    let mut parts: Vec<String> = query
        .into_iter()
        .filter(|(k, v)| k != "page" && !v.is_empty())
        .map(|(k, v)| format!("{}={}", encode(&k), encode(&v)))
        .collect();
    parts.push(format!("page={page}"));
    format!("{path}?{}", parts.join("&"))
}

/// The page numbers to link: the first, the last, and two either side of the current one;
/// `None` marks a gap. A search of 100,000 offerings has 4,000 pages.
pub fn page_window(current: u32, pages: u32) -> Vec<Option<u32>> {
    let mut shown: Vec<u32> = vec![1, pages];
    shown.extend(current.saturating_sub(2).max(1)..=current.saturating_add(2).min(pages));
    shown.sort_unstable();
    shown.dedup();
    let mut out = Vec::with_capacity(shown.len() + 2);
    let mut last = 0;
    for p in shown {
        if p > last + 1 {
            out.push(None);
        }
        out.push(Some(p));
        last = p;
    }
    out
}

/// Links to the pages of a list; nothing when it fits on one page. Without `href` each link
/// is the current address with `page` replaced.
#[component]
pub fn Pager(
    /// Where the list stands.
    page: PageInfo,
    /// Builds the link to a page, when the list's address is not simply the current one.
    #[prop(optional)]
    href: Option<PageHref>,
) -> impl IntoView {
    let i18n = use_i18n();
    let href: PageHref = href.unwrap_or_else(|| {
        let location = use_location();
        let path = location.pathname.get_untracked();
        let query: Vec<(String, String)> =
            location.query.get_untracked().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        Arc::new(move |p| with_page(&path, query.clone(), p))
    });
    let PageInfo { page: current, pages, .. } = page;
    (pages > 1).then(|| {
        let previous = (current > 1).then(|| {
            view! { <li><a class="app-pagination__link" href=href(current - 1) rel="prev">{i18n.t("pager-previous")}</a></li> }
        });
        let next = (current < pages).then(|| {
            view! { <li><a class="app-pagination__link" href=href(current + 1) rel="next">{i18n.t("pager-next")}</a></li> }
        });
        let links = page_window(current, pages)
            .into_iter()
            .map(|p| match p {
                None => view! { <li class="app-pagination__gap" aria-hidden="true">"…"</li> }.into_any(),
                Some(p) if p == current => view! { <li><span class="app-pagination__current" aria-current="page">{p}</span></li> }.into_any(),
                Some(p) => {
                    let label = i18n.ta("pager-page", &[("page", p.to_string())]);
                    view! { <li><a class="app-pagination__link" href=href(p) aria-label=label>{p}</a></li> }.into_any()
                }
            })
            .collect_view();
        let position = i18n.ta("pager-position", &[("page", current.to_string()), ("pages", pages.to_string())]);
        view! {
            <nav class="app-pagination" aria-label=i18n.t("pager-label")>
                <p class="app-pagination__position">{position}</p>
                <ul>{previous}{links}{next}</ul>
            </nav>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_shows_the_ends_and_two_pages_either_side() {
        assert_eq!(page_window(1, 3), vec![Some(1), Some(2), Some(3)]);
        assert_eq!(page_window(1, 5000), vec![Some(1), Some(2), Some(3), None, Some(5000)]);
        assert_eq!(
            page_window(50, 5000),
            vec![Some(1), None, Some(48), Some(49), Some(50), Some(51), Some(52), None, Some(5000)]
        );
        assert_eq!(page_window(5000, 5000), vec![Some(1), None, Some(4998), Some(4999), Some(5000)]);
        assert_eq!(page_window(4, 7), vec![Some(1), Some(2), Some(3), Some(4), Some(5), Some(6), Some(7)]);
    }

    #[test]
    fn a_malformed_or_missing_page_is_the_first() {
        assert_eq!(page_number(Some("3")), 3);
        assert_eq!(page_number(Some(" 3 ")), 3);
        assert_eq!(page_number(Some("abc")), 1);
        assert_eq!(page_number(Some("-2")), 1);
        assert_eq!(page_number(Some("0")), 1);
        assert_eq!(page_number(Some("4294967296")), 1);
        assert_eq!(page_number(None), 1);
    }

    #[test]
    fn page_links_keep_the_other_parameters() {
        let q = [("status", "all"), ("page", "2"), ("q", "Алма ты")].map(|(k, v)| (k.to_owned(), v.to_owned()));
        let href = with_page("/supplier/orders", q, 3);
        assert!(href.starts_with("/supplier/orders?"), "{href}");
        assert!(href.contains("status=all") && href.contains("q=%D0%90"), "{href}");
        assert!(href.ends_with("&page=3") && href.matches("page=").count() == 1, "{href}");
    }
}
