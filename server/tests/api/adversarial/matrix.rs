//! Who may reach what: every page route and every server function, taken from the router
//! itself, requested by a visitor, a staff session still waiting for its second factor, and
//! each role, against the explicit table below. A route added without an entry here fails
//! the test, so nobody can add a page or a function and forget who may use it.
use crate::both;
use crate::helpers::{iin, TestApp};
use reqwest::StatusCode;
use secrecy::ExposeSecret;
use server::auth::session::{self, Origin};
use server::auth::token::Tokens;
use std::collections::BTreeSet;

/// Who is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Visitor,
    /// A staff member after the password, before the second factor.
    Pending,
    Recipient,
    Representative,
    Supplier,
    Staff,
    Admin,
}

use Who::*;

const EVERYONE: &[Who] = &[Visitor, Pending, Recipient, Representative, Supplier, Staff, Admin];
const SIGNED_IN: &[Who] = &[Recipient, Representative, Supplier, Staff, Admin];
const RECIPIENTS: &[Who] = &[Recipient, Representative];
const SUPPLIERS: &[Who] = &[Supplier];
const STAFF: &[Who] = &[Staff, Admin];
const ADMINS: &[Who] = &[Admin];
const WAITING: &[Who] = &[Pending];

/// Pages, as the router names them, and who may open them.
const PAGES: &[(&str, &[Who])] = &[
    ("/", EVERYONE),
    ("/sign-in", EVERYONE),
    ("/sign-in/two-factor", EVERYONE),
    ("/sign-in/two-factor/set-up", WAITING),
    ("/sign-up", EVERYONE),
    ("/sign-up/recipient", EVERYONE),
    ("/sign-up/supplier", EVERYONE),
    ("/sign-up/sent", EVERYONE),
    ("/confirm-email", EVERYONE),
    ("/forgot-password", EVERYONE),
    ("/reset-password", EVERYONE),
    ("/reset-password/code", EVERYONE),
    ("/account/identity", RECIPIENTS),
    ("/catalogue", EVERYONE),
    ("/offerings/:id", EVERYONE),
    ("/account", SIGNED_IN),
    ("/account/password", SIGNED_IN),
    ("/account/messages", SIGNED_IN),
    ("/account/sessions", SIGNED_IN),
    ("/account/recovery-codes", SIGNED_IN),
    ("/dashboard", SIGNED_IN),
    ("/notifications", SIGNED_IN),
    ("/entitlements", RECIPIENTS),
    ("/order/:id", RECIPIENTS),
    ("/order/:id/check", RECIPIENTS),
    ("/orders", RECIPIENTS),
    ("/orders/:id", RECIPIENTS),
    ("/supplier/profile", SUPPLIERS),
    ("/supplier/documents", SUPPLIERS),
    ("/supplier/offerings", SUPPLIERS),
    ("/supplier/offerings/new", SUPPLIERS),
    ("/supplier/offerings/import", SUPPLIERS),
    ("/supplier/offerings/:id", SUPPLIERS),
    ("/supplier/orders", SUPPLIERS),
    ("/supplier/orders/:id", SUPPLIERS),
    ("/supplier/complaints", SUPPLIERS),
    ("/supplier/complaints/:id", SUPPLIERS),
    ("/supplier/statements", SUPPLIERS),
    ("/supplier/quality", SUPPLIERS),
    ("/supplier/reviews/:id", SUPPLIERS),
    ("/supplier/api-keys", SUPPLIERS),
    ("/staff/audit", STAFF),
    ("/staff/suppliers", STAFF),
    ("/staff/suppliers/:id", STAFF),
    ("/staff/offerings/:id", STAFF),
    ("/staff/catalogue", STAFF),
    ("/staff/catalogue/new-item-type", STAFF),
    ("/staff/item-types/:id", STAFF),
    ("/staff/imports", STAFF),
    ("/staff/imports/:id", STAFF),
    ("/staff/complaints", STAFF),
    ("/staff/complaints/:id", STAFF),
    ("/staff/provision", STAFF),
    ("/staff/letters", STAFF),
    ("/staff/letters/print", STAFF),
    ("/admin/staff", ADMINS),
];

/// Server functions, by endpoint, and who may call them.
const FUNCTIONS: &[(&str, &[Who])] = &[
    ("sign_in", EVERYONE),
    ("sign_out", EVERYONE),
    ("sign_up_recipient", EVERYONE),
    ("sign_up_supplier", EVERYONE),
    ("confirm_email", EVERYONE),
    ("request_password_reset", EVERYONE),
    ("reset_password", EVERYONE),
    ("reset_password_with_code", EVERYONE),
    ("identity", RECIPIENTS),
    ("send_claim_code", RECIPIENTS),
    ("prove_identity", RECIPIENTS),
    ("staff_issue_letter", STAFF),
    ("staff_letter", STAFF),
    ("current_user", EVERYONE),
    ("typed_values", EVERYONE),
    ("regions", EVERYONE),
    ("categories", EVERYONE),
    ("catalogue_search", EVERYONE),
    ("offering_get", EVERYONE),
    ("second_factor_setup", WAITING),
    ("second_factor_enrol", WAITING),
    ("second_factor_verify", WAITING),
    ("account_overview", SIGNED_IN),
    ("change_password", SIGNED_IN),
    ("contact_preferences", SIGNED_IN),
    ("save_contact_preferences", SIGNED_IN),
    ("my_sessions", SIGNED_IN),
    ("sign_out_others", SIGNED_IN),
    ("sign_out_everywhere", SIGNED_IN),
    ("recovery_codes_once", SIGNED_IN),
    ("dashboard", SIGNED_IN),
    ("notifications_list", SIGNED_IN),
    ("notifications_read", SIGNED_IN),
    ("entitlements_list", RECIPIENTS),
    ("order_start", RECIPIENTS),
    ("order_save", RECIPIENTS),
    ("order_check", RECIPIENTS),
    ("order_confirm", RECIPIENTS),
    ("order_get", RECIPIENTS),
    ("orders_list", RECIPIENTS),
    ("order_cancel", RECIPIENTS),
    ("order_receive", RECIPIENTS),
    ("order_report", RECIPIENTS),
    ("order_review", RECIPIENTS),
    ("supplier_profile", SUPPLIERS),
    ("supplier_save_profile", SUPPLIERS),
    ("supplier_submit_profile", SUPPLIERS),
    ("supplier_documents", SUPPLIERS),
    ("supplier_delete_document", SUPPLIERS),
    ("supplier_item_types", SUPPLIERS),
    ("supplier_new_offering_form", SUPPLIERS),
    ("supplier_offering", SUPPLIERS),
    ("supplier_offerings", SUPPLIERS),
    ("supplier_save_offering", SUPPLIERS),
    ("supplier_discard_offering_draft", SUPPLIERS),
    ("supplier_set_offering_status", SUPPLIERS),
    ("supplier_set_offering_slot", SUPPLIERS),
    ("supplier_import_report", SUPPLIERS),
    ("supplier_inbox", SUPPLIERS),
    ("supplier_order", SUPPLIERS),
    ("supplier_accept_order", SUPPLIERS),
    ("supplier_reject_order", SUPPLIERS),
    ("supplier_schedule_order", SUPPLIERS),
    ("supplier_mark_order", SUPPLIERS),
    ("supplier_record_session", SUPPLIERS),
    ("supplier_complaints", SUPPLIERS),
    ("supplier_complaint", SUPPLIERS),
    ("supplier_answer_complaint", SUPPLIERS),
    ("supplier_statement", SUPPLIERS),
    ("supplier_scorecard", SUPPLIERS),
    ("supplier_review", SUPPLIERS),
    ("supplier_reply_review", SUPPLIERS),
    ("supplier_api_keys", SUPPLIERS),
    ("supplier_create_api_key", SUPPLIERS),
    ("supplier_revoke_api_key", SUPPLIERS),
    ("audit_search", STAFF),
    ("staff_supplier_queue", STAFF),
    ("staff_supplier", STAFF),
    ("staff_decide_supplier", STAFF),
    ("staff_decide_scope", STAFF),
    ("staff_offering", STAFF),
    ("staff_moderate_offering", STAFF),
    ("staff_catalogue", STAFF),
    ("staff_item_type", STAFF),
    ("staff_save_item_type", STAFF),
    ("staff_add_category", STAFF),
    ("staff_add_ceiling", STAFF),
    ("staff_imports", STAFF),
    ("staff_import", STAFF),
    ("staff_complaints", STAFF),
    ("staff_complaint", STAFF),
    ("staff_assign_complaint", STAFF),
    ("staff_add_complaint_note", STAFF),
    ("staff_close_complaint", STAFF),
    ("staff_provision", STAFF),
    ("admin_staff_accounts", ADMINS),
    ("admin_create_staff", ADMINS),
    ("admin_set_staff_status", ADMINS),
    ("admin_reset_second_factor", ADMINS),
];

/// Every field any server function takes, with a harmless value: the arguments always parse,
/// so what decides the answer is who asks.
const FIELDS: &[&str] = &[
    "id",
    "offering",
    "for_recipient",
    "key",
    "terms",
    "order",
    "hours",
    "problem",
    "rating",
    "review",
    "entitlement",
    "quantity",
    "address",
    "region",
    "start_date",
    "weeks",
    "hours_mon",
    "hours_tue",
    "hours_wed",
    "hours_thu",
    "hours_fri",
    "hours_sat",
    "hours_sun",
    "email",
    "password",
    "next",
    "iin",
    "full_name",
    "bin",
    "organisation",
    "form",
    "code",
    "current_password",
    "new_password",
    "status",
    "deadline",
    "month",
    "item_type",
    "action",
    "step",
    "reason",
    "reply",
    "answer",
    "scheduled_for",
    "session_date",
    "starts_on",
    "places",
    "back",
    "query",
    "from",
    "to",
    "before",
    "actor",
    "q",
    "page",
    "assigned",
    "supplier_id",
    "supplier_decision",
    "decision_reason",
    "scope_decision",
    "scope_reason",
    "offering_id",
    "offering_action",
    "moderation_reason",
    "item_type_id",
    "ceiling_amount",
    "ceiling_valid_from",
    "cat_code",
    "cat_name_kk",
    "cat_name_ru",
    "cat_name_en",
    "cat_unit",
    "complaint_id",
    "complaint_officer",
    "complaint_note",
    "complaint_outcome",
    "account_id",
    "staff_email",
    "staff_name",
    "staff_region",
    "staff_role",
    "staff_password",
    "legal_name",
    "contact_person",
    "phone",
    "sku",
    "title_kk",
    "title_ru",
    "title_en",
    "description_kk",
    "description_ru",
    "description_en",
    "price",
    "lead_time_days",
    "capacity",
    "mode",
    "arrival",
    "sessions",
    "code_",
    "name_kk",
    "name_ru",
    "name_en",
    "unit",
    "category",
    "replacement_months",
    "param_schema",
    "active",
    "ceiling",
    "ceiling_from",
    "kind",
    "label",
    "for_whom",
    "token",
    "language",
    "email_format",
];

fn tokens(app: &TestApp) -> Tokens {
    let secret = app.settings.jwt_secret.as_ref().map(|s| s.expose_secret().to_owned()).unwrap_or_default();
    Tokens::new(secret.as_bytes(), 60)
}

/// The accounts of each role, by id.
struct Cast {
    recipient: i32,
    representative: i32,
    supplier: i32,
    staff: i32,
    admin: i32,
}

async fn insert(app: &TestApp, email: &str, role: app::domain::Role) -> i32 {
    let email_v = app::domain::Email::parse(email).unwrap();
    server::services::accounts::insert_account(
        &app.db,
        server::services::accounts::NewAccount {
            email: &email_v,
            password_hash: "unused".into(),
            role,
            lang: app::domain::Lang::En,
            display_name: email.into(),
            staff_region: None,
        },
    )
    .await
    .unwrap()
    .id
}

async fn cast(app: &TestApp) -> Cast {
    use app::domain::Role;
    let recipient_token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let supplier_token = app.sign_up_supplier("sales@medtech.kz", &crate::helpers::bin(7)).await;
    let id_of = |t: String| async move { app.whoami(&t).await["account_id"].as_i64().unwrap() as i32 };
    Cast {
        recipient: id_of(recipient_token).await,
        supplier: id_of(supplier_token).await,
        representative: insert(app, "parent@mail.kz", Role::Representative).await,
        staff: insert(app, "officer@enbek.gov.kz", Role::Staff).await,
        admin: insert(app, "admin@enbek.gov.kz", Role::Admin).await,
    }
}

/// A fresh session for `who` (each request gets its own, so signing out in one call does not
/// change the next).
async fn session_for(app: &TestApp, tokens: &Tokens, cast: &Cast, who: Who) -> Option<String> {
    let (account, pending) = match who {
        Visitor => return None,
        Pending => (cast.staff, true),
        Recipient => (cast.recipient, false),
        Representative => (cast.representative, false),
        Supplier => (cast.supplier, false),
        Staff => (cast.staff, false),
        Admin => (cast.admin, false),
    };
    Some(
        session::start(&app.db, tokens, account, &Origin { ip: "127.0.0.1", user_agent: None }, pending).await.unwrap(),
    )
}

fn denied_page(who: Who, status: StatusCode, location: &str) -> bool {
    match who {
        Visitor | Pending => status == StatusCode::FOUND && location.starts_with("/sign-in"),
        _ => status == StatusCode::FORBIDDEN,
    }
}

both!(every_route_and_function_answers_only_who_the_table_allows, |app: TestApp| async move {
    let tokens = tokens(&app);
    let cast = cast(&app).await;
    // Pages, from the router.
    let routed: BTreeSet<String> =
        server::startup::route_list().iter().map(|r| r.path().replace("{id}", ":id")).collect();
    let listed: BTreeSet<String> = PAGES.iter().map(|(p, _)| (*p).to_owned()).collect();
    let missing: Vec<&String> = routed.difference(&listed).collect();
    assert!(missing.is_empty(), "pages without an entry in the access table: {missing:?}");
    // Server functions, from the registry.
    let registered: BTreeSet<String> =
        leptos::server_fn::axum::server_fn_paths().map(|(p, _)| p.trim_start_matches("/api/").to_owned()).collect();
    let named: BTreeSet<String> = FUNCTIONS.iter().map(|(f, _)| (*f).to_owned()).collect();
    let missing: Vec<&String> = registered.difference(&named).collect();
    assert!(missing.is_empty(), "server functions without an entry in the access table: {missing:?}");
    let mut problems = Vec::new();
    let mut checked = 0;
    for (path, allowed) in PAGES.iter().filter(|(p, _)| routed.contains(*p)) {
        let url = path.replace(":id", "1");
        for who in EVERYONE {
            let token = session_for(&app, &tokens, &cast, *who).await;
            let get = || {
                app.client
                    .get(format!("{}{url}", app.base))
                    .header("accept", "text/html")
                    .header("cookie", token.as_ref().map(|t| format!("ssp_session={t}")).unwrap_or_default())
                    .send()
            };
            // A connection the server had just closed is not an answer: ask once more.
            let sent = match get().await {
                Err(e) if e.is_request() || e.is_connect() => get().await,
                other => other,
            };
            let res = match sent {
                Ok(res) => res,
                Err(e) => {
                    problems.push(format!("page {url} as {who:?}: no answer ({e})"));
                    continue;
                }
            };
            let status = res.status();
            let location = res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
            checked += 1;
            let ok = if allowed.contains(who) {
                !denied_page(*who, status, &location)
                    && status != StatusCode::FORBIDDEN
                    && status != StatusCode::UNAUTHORIZED
                    && !status.is_server_error()
            } else {
                denied_page(*who, status, &location)
            };
            if !ok {
                problems.push(format!("page {url} as {who:?}: {status} {location}"));
            }
        }
    }
    let form: Vec<(&str, &str)> = FIELDS.iter().map(|f| (*f, "1")).collect();
    for (function, allowed) in FUNCTIONS.iter().filter(|(f, _)| registered.contains(*f)) {
        for who in EVERYONE {
            let token = session_for(&app, &tokens, &cast, *who).await;
            let a = if *function == "catalogue_search" {
                app.call_json(token.as_deref(), function, serde_json::json!({ "query": {} })).await
            } else {
                app.call(token.as_deref(), function, &form).await
            };
            checked += 1;
            let refused = a.status == StatusCode::UNAUTHORIZED || a.status == StatusCode::FORBIDDEN;
            let ok = if allowed.contains(who) {
                !refused && !a.status.is_server_error()
            } else {
                match who {
                    Visitor | Pending => a.status == StatusCode::UNAUTHORIZED,
                    _ => a.status == StatusCode::FORBIDDEN,
                }
            };
            if !ok {
                problems.push(format!("function {function} as {who:?}: {} {}", a.status, a.body));
            }
        }
    }
    assert!(problems.is_empty(), "{} of {checked} requests answered wrongly:\n{}", problems.len(), problems.join("\n"));
    assert!(checked > 800, "{checked} requests");
});

const NOBODY: &[Who] = &[];
const DOCUMENT_READERS: &[Who] = &[Supplier, Staff, Admin];

/// The routes the server writes itself (uploads, downloads, the machine interface, health),
/// by method and path as the router names them, and who may use them. `NOBODY` answers to a
/// key, never to a session.
const OWN: &[(&str, &str, &[Who])] = &[
    ("GET", "/healthz", EVERYONE),
    ("GET", "/readyz", EVERYONE),
    // By address (loopback here), never by role.
    ("GET", "/metrics", EVERYONE),
    // Development only (a 404 in production): what the outbox would send.
    ("GET", "/dev/messages", EVERYONE),
    ("POST", "/lang", EVERYONE),
    ("POST", "/staff/imports/upload", STAFF),
    ("POST", "/api/v1/ipr-lines", NOBODY),
    ("GET", "/staff/provision.csv", STAFF),
    ("GET", "/staff/suppliers/{supplier}/documents/{document}", STAFF),
    ("POST", "/supplier/documents/upload", SUPPLIERS),
    ("GET", "/documents/{id}", DOCUMENT_READERS),
    ("POST", "/supplier/offerings/import/upload", SUPPLIERS),
    ("GET", "/supplier/offerings/template.csv", SUPPLIERS),
    ("GET", "/supplier/statement.csv", SUPPLIERS),
    // Open data: anyone, signed in or not (a session is never read there).
    ("GET", "/api/v1", EVERYONE),
    ("GET", "/api/v1/openapi.json", EVERYONE),
    ("GET", "/api/v1/catalogue", EVERYONE),
    ("GET", "/api/v1/offerings/{id}", EVERYONE),
    ("GET", "/api/v1/categories", EVERYONE),
    ("GET", "/api/v1/regions", EVERYONE),
    ("GET", "/api/v1/item-types", EVERYONE),
    ("GET", "/api/v1/suppliers", EVERYONE),
    ("GET", "/api/v1/statistics/provision", EVERYONE),
    ("GET", "/api/v1/statistics/provision.csv", EVERYONE),
    // A supplier's key, never a session.
    ("POST", "/api/v1/supplier/offerings", NOBODY),
];

both!(every_route_the_server_writes_itself_answers_only_who_the_table_allows, |app: TestApp| async move {
    let tokens = tokens(&app);
    let cast = cast(&app).await;
    let routed: BTreeSet<(String, String)> =
        server::startup::own_routes().iter().map(|r| (r.method.to_string(), r.path.clone())).collect();
    let listed: BTreeSet<(String, String)> = OWN.iter().map(|(m, p, _)| ((*m).to_owned(), (*p).to_owned())).collect();
    let missing: Vec<_> = routed.difference(&listed).collect();
    assert!(missing.is_empty(), "routes without an entry in the access table: {missing:?}");
    let mut problems = Vec::new();
    let mut checked = 0;
    for (method, path, allowed) in OWN.iter().filter(|(m, p, _)| routed.contains(&((*m).to_owned(), (*p).to_owned()))) {
        let url = path.replace("{id}", "1").replace("{supplier}", "1").replace("{document}", "1");
        for who in EVERYONE {
            let token = session_for(&app, &tokens, &cast, *who).await;
            let res = if *method == "POST" && url.ends_with("/upload") {
                crate::fixtures::supplier::upload(
                    &app,
                    token.as_deref(),
                    &url,
                    &[("kind", "license")],
                    ("a.csv", b"a,b\n"),
                )
                .await
            } else {
                let req = if *method == "POST" {
                    app.client.post(format!("{}{url}", app.base)).form(&[("lang", "en"), ("next", "/")])
                } else {
                    app.client.get(format!("{}{url}", app.base))
                };
                req.header("accept", "text/html")
                    .header("origin", &app.base)
                    .header("cookie", token.as_ref().map(|t| format!("ssp_session={t}")).unwrap_or_default())
                    .send()
                    .await
                    .unwrap()
            };
            checked += 1;
            let status = res.status();
            let location = crate::fixtures::supplier::location(&res);
            let to_sign_in = status.is_redirection() && location.starts_with("/sign-in");
            let denied = match who {
                _ if allowed.is_empty() => status == StatusCode::UNAUTHORIZED,
                Visitor | Pending => to_sign_in || status == StatusCode::UNAUTHORIZED,
                _ => status == StatusCode::FORBIDDEN,
            };
            let ok = if allowed.contains(who) {
                !to_sign_in
                    && status != StatusCode::FORBIDDEN
                    && status != StatusCode::UNAUTHORIZED
                    && !status.is_server_error()
            } else {
                denied
            };
            if !ok {
                problems.push(format!("{method} {url} as {who:?}: {status} {location}"));
            }
        }
    }
    assert!(problems.is_empty(), "{} of {checked} requests answered wrongly:\n{}", problems.len(), problems.join("\n"));
    assert_eq!(checked, OWN.len() * EVERYONE.len());
});
