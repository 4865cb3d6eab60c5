//! The complaints desk: scope, deadlines, the recorded view of personal data, assignment,
//! notes and closing.
use super::{account_id, audit_entries, notifications_of};
use crate::both;
use crate::fixtures::{entitlement, offering, order, recipient, supplier, Recipient, Supplier};
use crate::helpers::TestApp;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use server::entities::enums::{DbComplaintStatus, DbOrderStatus, DbSupplierStatus};
use server::entities::{complaints, orders};

struct World {
    supplier: Supplier,
    asel: Recipient,
}

async fn world(app: &TestApp) -> World {
    let supplier = supplier(app, "sales@medtech.kz", 31, DbSupplierStatus::Approved, &["ALA", "AST"]).await;
    let asel = recipient(app, "asel@mail.kz", 31).await;
    World { supplier, asel }
}

/// A complaint about a new delivered order, in `region`, due in `due_days` (negative: overdue).
async fn complaint(app: &TestApp, w: &World, region: &str, due_days: i64) -> complaints::Model {
    let o = offering(app, w.supplier.id, "walker", 3_000_000, &["ALA", "AST"]).await;
    let e = entitlement(app, w.asel.id, "walker", 1).await;
    let ord = order(app, &w.asel, &e, &o, 1, DbOrderStatus::Delivered).await;
    complaints::ActiveModel {
        order_id: Set(ord.id),
        recipient_id: Set(w.asel.id),
        supplier_id: Set(w.supplier.id),
        region_code: Set(region.into()),
        body: Set("Ходунки не регулируются по высоте, как заявлено.".into()),
        status: Set(DbComplaintStatus::Open),
        due_at: Set(Utc::now() + Duration::days(due_days)),
        assigned_to: Set(None),
        supplier_response: Set(None),
        supplier_responded_at: Set(None),
        outcome: Set(None),
        closed_by: Set(None),
        closed_at: Set(None),
        created_at: Set(Utc::now() - Duration::days(5)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
}

both!(the_desk_lists_complaints_of_the_officers_region_overdue_first, |app: TestApp| async move {
    let w = world(&app).await;
    let later = complaint(&app, &w, "ALA", 7).await;
    let overdue = complaint(&app, &w, "ALA", -2).await;
    let astana = complaint(&app, &w, "AST", -5).await;
    let almaty = app.staff("almaty@enbek.gov.kz", Some("ALA")).await;
    let list = app.call(Some(&almaty), "staff_complaints", &[]).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    let ids: Vec<i64> = list.body["rows"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, vec![i64::from(overdue.id), i64::from(later.id)], "overdue first, and only Almaty's");
    assert_eq!(list.body["overdue"], 1);
    assert_eq!(list.body["rows"][0]["overdue"], true);
    assert_eq!(list.body["rows"][0]["days_left"], -2);
    assert_eq!(list.body["rows"][1]["days_left"], 7);
    let outside = app.call(Some(&almaty), "staff_complaint", &[("id", &astana.id.to_string())]).await;
    assert_eq!(outside.status, StatusCode::NOT_FOUND);
    let central = app.staff("officer@enbek.gov.kz", None).await;
    let all = app.call(Some(&central), "staff_complaints", &[]).await;
    assert_eq!(all.body["page"]["total"], 3);
    assert_eq!(all.body["rows"][0]["id"], astana.id, "the longest overdue on top");
    let number = orders::Entity::find_by_id(overdue.order_id).one(&app.db).await.unwrap().unwrap().number;
    let by_number = app.call(Some(&central), "staff_complaints", &[("q", &number[..12].to_lowercase())]).await;
    assert_eq!(by_number.body["page"]["total"], 1, "found by the start of its order number");
    assert_eq!(by_number.body["rows"][0]["id"], overdue.id);
});

both!(opening_a_complaint_shows_the_recipient_and_records_the_view, |app: TestApp| async move {
    let w = world(&app).await;
    let c = complaint(&app, &w, "ALA", 3).await;
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let officer = account_id(&app, &staff).await;
    assert!(audit_entries(&app, "recipient.view").await.is_empty());
    let d = app.call(Some(&staff), "staff_complaint", &[("id", &c.id.to_string())]).await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.body);
    assert_eq!(d.body["recipient_name"], "Жумабаева Асель Маратовна");
    assert_eq!(d.body["recipient_iin"], crate::helpers::iin("870412", 4, 31));
    let views = audit_entries(&app, "recipient.view").await;
    assert_eq!(views.len(), 1);
    assert_eq!(views[0].actor_account_id, Some(officer));
    assert_eq!(views[0].object_id, Some(w.asel.id.to_string()));
    assert_eq!(views[0].reason, Some(format!("complaint {}", c.id)));
    // The list shows no personal data and records nothing.
    let list = app.call(Some(&staff), "staff_complaints", &[]).await;
    assert!(!list.body.to_string().contains("Асель"));
    assert_eq!(audit_entries(&app, "recipient.view").await.len(), 1);
});

both!(a_complaint_is_assigned_noted_and_closed_and_both_sides_see_the_outcome, |app: TestApp| async move {
    let w = world(&app).await;
    let c = complaint(&app, &w, "ALA", 3).await;
    let id = c.id.to_string();
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let almaty = app.staff("almaty@enbek.gov.kz", Some("ALA")).await;
    let astana = app.staff("astana@enbek.gov.kz", Some("AST")).await;
    let (almaty_id, astana_id) = (account_id(&app, &almaty).await, account_id(&app, &astana).await);
    let wrong = app
        .call(
            Some(&staff),
            "staff_assign_complaint",
            &[("complaint_id", &id), ("complaint_officer", &astana_id.to_string())],
        )
        .await;
    assert_eq!(wrong.field_error("complaint_officer").as_deref(), Some("officer_not_eligible"));
    let a = app
        .call(
            Some(&staff),
            "staff_assign_complaint",
            &[("complaint_id", &id), ("complaint_officer", &almaty_id.to_string())],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(notifications_of(&app, almaty_id).await.last().unwrap().kind, "complaint_assigned");
    let mine = app.call(Some(&almaty), "staff_complaints", &[("assigned", "me")]).await;
    assert_eq!(mine.body["page"]["total"], 1);
    let empty =
        app.call(Some(&almaty), "staff_add_complaint_note", &[("complaint_id", &id), ("complaint_note", " ")]).await;
    assert_eq!(empty.field_error("complaint_note").as_deref(), Some("required"));
    let note = app
        .call(
            Some(&almaty),
            "staff_add_complaint_note",
            &[("complaint_id", &id), ("complaint_note", "Позвонила поставщику, обещают замену")],
        )
        .await;
    assert_eq!(note.status, StatusCode::OK);
    let no_outcome =
        app.call(Some(&almaty), "staff_close_complaint", &[("complaint_id", &id), ("complaint_outcome", "")]).await;
    assert_eq!(no_outcome.field_error("complaint_outcome").as_deref(), Some("required"));
    let outcome = "Поставщик заменил ходунки на модель с регулировкой высоты.";
    let closed = app
        .call(Some(&almaty), "staff_close_complaint", &[("complaint_id", &id), ("complaint_outcome", outcome)])
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    let after = complaints::Entity::find_by_id(c.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(
        (after.status, after.outcome.as_deref(), after.closed_by),
        (DbComplaintStatus::Closed, Some(outcome), Some(almaty_id))
    );
    for account in [w.asel.account_id, w.supplier.account_id] {
        let n = notifications_of(&app, account).await;
        let last = n.last().unwrap();
        assert_eq!((last.kind.as_str(), last.params["outcome"].as_str()), ("complaint_closed", Some(outcome)));
    }
    let detail = app.call(Some(&staff), "staff_complaint", &[("id", &id)]).await;
    assert_eq!(detail.body["notes"][0]["body"], "Позвонила поставщику, обещают замену");
    assert_eq!(detail.body["outcome"], outcome);
    let twice = app
        .call(Some(&staff), "staff_close_complaint", &[("complaint_id", &id), ("complaint_outcome", "ещё раз")])
        .await;
    assert_eq!(twice.error_code().as_deref(), Some("complaint_closed"));
    assert_eq!(audit_entries(&app, "complaint.assign").await.len(), 1);
    assert_eq!(audit_entries(&app, "complaint.close").await[0].reason.as_deref(), Some(outcome));
});
