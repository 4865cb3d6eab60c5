//! The page frame: skip link, header with navigation and language switch, main, footer.
use crate::api::auth::sign_out::SignOut;
use crate::components::me::use_session;
use crate::domain::{Lang, Role};
use crate::i18n::use_i18n;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use server_fn::ServerFn;

/// Frames every page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="app-skip-link" href="#main">{i18n.t("skip-to-content")}</a>
        <header class="app-header">
            <div class="app-header__inner">
                <a class="app-header__brand" href=routes::HOME>
                    <span class="app-header__logo" aria-hidden="true">"◆"</span>
                    {i18n.t("portal-name")}
                </a>
                <LanguageSwitch/>
            </div>
            <Navigation/>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            {children()}
        </main>
        <footer class="app-footer">
            <p>{i18n.t("footer-text")}</p>
            <p><a href="/api/v1">{i18n.t("open-data-title")}</a></p>
        </footer>
    }
}

/// Three buttons in a plain POST form: works without JavaScript, remembered in a cookie and,
/// when signed in, on the account.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let next = move || {
        let search = location.search.get();
        let path = location.pathname.get();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    };
    let buttons = Lang::ALL
        .iter()
        .map(|l| {
            let code = l.code();
            let name = i18n.t(&format!("lang-{code}"));
            if *l == i18n.lang() {
                view! { <li><span class="app-lang__current" aria-current="true" lang=code>{name}</span></li> }.into_any()
            } else {
                view! { <li><button class="app-lang__button" type="submit" name="lang" value=code lang=code>{name}</button></li> }.into_any()
            }
        })
        .collect_view();
    view! {
        <form class="app-lang" method="post" action=routes::SET_LANGUAGE>
            <input type="hidden" name="next" value=next/>
            <fieldset class="app-lang__set">
                <legend class="app-visually-hidden">{i18n.t("lang-switch")}</legend>
                <ul class="app-lang__list">{buttons}</ul>
            </fieldset>
        </form>
    }
}

/// The supplier's pages, in the order of its work.
const SUPPLIER_LINKS: [(&str, &str); 7] = [
    (routes::supplier::PROFILE, "nav-supplier-profile"),
    (routes::supplier::DOCUMENTS, "nav-supplier-documents"),
    (routes::supplier::OFFERINGS, "nav-supplier-offerings"),
    (routes::supplier::ORDERS, "nav-supplier-orders"),
    (routes::supplier::COMPLAINTS, "nav-supplier-complaints"),
    (routes::supplier::STATEMENTS, "nav-supplier-statements"),
    (routes::supplier::QUALITY, "nav-supplier-quality"),
];

fn nav_links(role: Option<Role>) -> Vec<(&'static str, &'static str)> {
    let mut links = vec![(routes::HOME, "nav-home")];
    match role {
        None => links.push((routes::CATALOGUE, "nav-catalogue")),
        Some(Role::Recipient | Role::Representative) => {
            links.push((routes::DASHBOARD, "nav-dashboard"));
            links.push((routes::ENTITLEMENTS, "nav-entitlements"));
            links.push((routes::CATALOGUE, "nav-catalogue"));
            links.push((routes::ORDERS, "nav-orders"));
        }
        Some(Role::Supplier) => {
            links.push((routes::DASHBOARD, "nav-dashboard"));
            links.extend(SUPPLIER_LINKS);
        }
        Some(role @ (Role::Staff | Role::Admin)) => {
            links.push((routes::DASHBOARD, "nav-dashboard"));
            links.push((routes::STAFF_SUPPLIERS, "nav-staff-suppliers"));
            links.push((routes::STAFF_COMPLAINTS, "nav-staff-complaints"));
            links.push((routes::STAFF_IMPORTS, "nav-staff-imports"));
            links.push((routes::STAFF_LETTERS, "nav-staff-letters"));
            links.push((routes::STAFF_PROVISION, "nav-staff-provision"));
            links.push((routes::STAFF_CATALOGUE, "nav-staff-catalogue"));
            links.push((routes::STAFF_AUDIT, "nav-audit"));
            if role == Role::Admin {
                links.push((routes::ADMIN_STAFF, "nav-admin-staff"));
            }
        }
    }
    links
}

/// The role-aware navigation with the account's sign-in state.
#[component]
fn Navigation() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let session = use_session();
    let links = nav_links(session.as_ref().map(|s| s.role));
    let current = move |href: &'static str| {
        let path = location.pathname.get();
        let here =
            if href == routes::HOME { path == href } else { path == href || path.starts_with(&format!("{href}/")) };
        here.then_some("page")
    };
    let items = links
        .into_iter()
        .map(|(href, key)| view! { <li><a class="app-nav__link" href=href aria-current=move || current(href)>{i18n.t(key)}</a></li> })
        .collect_view();
    let account = match session {
        Some(s) => view! {
            <li>
                <a class="app-nav__link" href=routes::NOTIFICATIONS aria-current=move || current(routes::NOTIFICATIONS)>
                    {i18n.t("nav-notifications")}
                    {(s.unread > 0).then(|| view! {
                        " "<span class="app-badge">{s.unread}<span class="app-visually-hidden">" "{i18n.t("nav-unread")}</span></span>
                    })}
                </a>
            </li>
            <li class="app-nav__account">
                <a class="app-nav__link" href=routes::ACCOUNT aria-current=move || current(routes::ACCOUNT)>
                    <span class="app-nav__who">{s.name}</span><span class="app-visually-hidden">" ("{i18n.t("nav-account")}")"</span>
                </a>
                <form method="post" action=SignOut::PATH class="app-nav__signout">
                    <button type="submit" class="app-button app-button--link">{i18n.t("nav-sign-out")}</button>
                </form>
            </li>
        }
        .into_any(),
        None => view! {
            <li><a class="app-nav__link" href=routes::SIGN_IN aria-current=move || current(routes::SIGN_IN)>{i18n.t("nav-sign-in")}</a></li>
            <li><a class="app-nav__link" href=routes::SIGN_UP aria-current=move || current(routes::SIGN_UP)>{i18n.t("nav-sign-up")}</a></li>
        }
        .into_any(),
    };
    view! {
        <nav class="app-nav" aria-label=i18n.t("nav-label")>
            <ul class="app-nav__list">{items}{account}</ul>
        </nav>
    }
}
