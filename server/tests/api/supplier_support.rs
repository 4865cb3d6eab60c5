//! What the supplier journey's tests share: multipart uploads as a browser sends them,
//! downloads, the ministry's decisions, and small arrangements of data.
#![allow(dead_code, reason = "shared by the supplier test files; not each uses each helper")]
use crate::helpers::TestApp;
use app::domain::SupplierStatus;
use reqwest::header::{CONTENT_TYPE, COOKIE, ORIGIN, REFERER};
use reqwest::Response;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use server::entities::*;

/// A PDF as far as the server can tell (it checks the first bytes).
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

/// Posts a multipart form with text fields and one file, as a browser without JavaScript.
pub async fn upload(
    app: &TestApp,
    token: Option<&str>,
    path: &str,
    fields: &[(&str, &str)],
    file: (&str, &[u8]),
) -> Response {
    let boundary = "----portal-test-boundary-7MA4YWxkTrZu0gW";
    let mut body: Vec<u8> = Vec::new();
    for (k, v) in fields {
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes());
    }
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: application/octet-stream\r\n\r\n", file.0).as_bytes());
    body.extend(file.1);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut req = app
        .client
        .post(format!("{}{path}", app.base))
        .header(ORIGIN, &app.base)
        .header(REFERER, format!("{}{path}", app.base))
        .header(CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .body(body);
    if let Some(t) = token {
        req = req.header(COOKIE, format!("ssp_session={t}"));
    }
    req.send().await.expect("upload")
}

/// Where a redirect goes.
pub fn location(res: &Response) -> String {
    res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// The ministry's decision, through the service the staff pages use.
pub async fn decide(app: &TestApp, supplier_id: i32, status: SupplierStatus, reason: Option<&str>) {
    server::services::supplier_status::set_status(
        &app.db,
        "http://localhost",
        supplier_id,
        status,
        reason.map(Into::into),
        None,
    )
    .await
    .expect("decision");
}

/// The number of offerings the catalogue shows, by the one shared rule.
pub async fn visible(app: &TestApp) -> usize {
    use sea_orm::QueryFilter;
    offerings::Entity::find()
        .filter(server::services::catalogue_rules::visible_offering_condition())
        .all(&app.db)
        .await
        .unwrap()
        .len()
}

/// Sets an order's details (what the recipient asked for).
pub async fn set_details(app: &TestApp, order: &orders::Model, details: serde_json::Value) -> orders::Model {
    let mut am: orders::ActiveModel = order.clone().into();
    am.details = Set(details);
    am.update(&app.db).await.unwrap()
}

/// The offering's category row and capacity set as a test needs.
pub async fn set_capacity(app: &TestApp, offering: &offerings::Model, capacity: Option<i32>) {
    let mut am: offerings::ActiveModel = offering.clone().into();
    am.capacity = Set(capacity);
    am.update(&app.db).await.unwrap();
}

/// Reloads an order.
pub async fn reload_order(app: &TestApp, id: i32) -> orders::Model {
    orders::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap()
}

/// The profile form of a complete supplier serving `regions` and offering `categories`.
pub fn profile_form<'a>(bin: &'a str, regions: &[&'a str], categories: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("bin", bin),
        ("legal_name", "ТОО «Медтехника»"),
        ("address", "г. Астана, ул. Кенесары, 40"),
        ("contact_person", "Сейткали Айгерим"),
        ("phone", "+7 701 234 56 78"),
        ("email", "sales@medtech.kz"),
    ];
    form.extend(regions.iter().map(|r| ("regions[]", *r)));
    form.extend(categories.iter().map(|c| ("categories[]", *c)));
    form
}

/// A complaint about an order, answerable until `due`; returns its id.
pub async fn add_complaint(app: &TestApp, order: &orders::Model, due: chrono::DateTime<chrono::Utc>) -> i32 {
    complaints::ActiveModel {
        order_id: Set(order.id),
        recipient_id: Set(order.recipient_id),
        supplier_id: Set(order.supplier_id),
        region_code: Set(order.region_code.clone()),
        body: Set("Размер не соответствует заявленному.".into()),
        status: Set(server::entities::enums::DbComplaintStatus::Open),
        due_at: Set(due),
        assigned_to: Set(None),
        supplier_response: Set(None),
        supplier_responded_at: Set(None),
        outcome: Set(None),
        closed_by: Set(None),
        closed_at: Set(None),
        created_at: Set(chrono::Utc::now() - chrono::Duration::days(1)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

/// Marks an order confirmed by the recipient at `at`.
pub async fn confirm(app: &TestApp, order: &orders::Model, at: chrono::DateTime<chrono::Utc>) -> orders::Model {
    let mut am: orders::ActiveModel = order.clone().into();
    am.status = Set(server::entities::enums::DbOrderStatus::Confirmed);
    am.delivered_at = Set(Some(at - chrono::Duration::days(1)));
    am.deliver_by = Set(Some(at));
    am.confirmed_at = Set(Some(at));
    am.update(&app.db).await.unwrap()
}
