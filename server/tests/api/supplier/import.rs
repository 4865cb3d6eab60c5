//! Bulk upload of offerings from CSV: good lines applied, bad ones reported line by line,
//! and the same file uploaded twice changes nothing.
use crate::both;
use crate::fixtures::supplier::*;
use crate::fixtures::{offering, supplier};
use crate::helpers::TestApp;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::enums::{DbOfferingStatus, DbSupplierStatus};
use server::entities::offerings;

const HEADER: &str = "sku;item_type;title_kk;title_ru;title_en;description_kk;description_ru;description_en;price;lead_time_days;capacity;regions;params;status";

fn file(crutches_price: &str) -> String {
    [
        HEADER,
        "W-1;walker;Жүруге арналған құрал;Ходунки;Walker;Сипаттама;Описание;;30000;7;10;ALA;max_user_weight_kg=120;published",
        &format!("C-1;crutches;Балдақтар;Костыли;;Сипаттама;Описание;;{crutches_price};5;20;ALA|ALM;max_user_weight_kg=100;"),
        "BAD-1;walker;;Ходунки;;Сипаттама;Описание;;-5;0;10;AST;max_user_weight_kg=999;",
        "W-1;walker;Екінші;Второй;;Сипаттама;Описание;;31000;7;10;ALA;max_user_weight_kg=120;",
        "",
        "X-1;no_such_type;Атау;Название;;Сипаттама;Описание;;100;1;1;ALA;;",
    ]
    .join("\r\n")
}

async fn import(app: &TestApp, token: &str, text: &str) -> serde_json::Value {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(text.as_bytes());
    let res = upload(app, Some(token), "/supplier/offerings/import/upload", &[], ("offerings.csv", &bytes)).await;
    let to = location(&res);
    let key = to.strip_prefix("/supplier/offerings/import?report=").unwrap_or_else(|| panic!("redirected to {to}"));
    let report = app.call(Some(token), "supplier_import_report", &[("key", key)]).await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.body);
    report.body
}

fn counts(r: &serde_json::Value) -> (u64, u64, u64, u64) {
    let n = |k: &str| r[k].as_u64().unwrap_or(99);
    (n("created"), n("updated"), n("unchanged"), n("refused"))
}

fn errors_of(r: &serde_json::Value, line: u64) -> Vec<(String, String)> {
    let l = r["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["line"] == line)
        .unwrap_or_else(|| panic!("line {line} in {r}"));
    l["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap().to_owned(), e["code"].as_str().unwrap().to_owned()))
        .collect()
}

both!(a_csv_upload_applies_good_lines_reports_bad_ones_and_is_idempotent, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA", "ALM"]).await;
    let r = import(&app, &s.token, &file("14000,50")).await;
    assert_eq!(counts(&r), (2, 0, 0, 3), "{r}");
    let bad = errors_of(&r, 4);
    for expected in [
        ("title_kk", "required"),
        ("price", "not_an_amount"),
        ("lead_time_days", "lead_time_out_of_range"),
        ("regions", "region_not_yours"),
        ("max_user_weight_kg", "out_of_range"),
    ] {
        assert!(bad.contains(&(expected.0.to_owned(), expected.1.to_owned())), "{expected:?} in {bad:?}");
    }
    assert_eq!(errors_of(&r, 5), vec![("sku".to_owned(), "duplicate_sku_in_file".to_owned())]);
    assert_eq!(errors_of(&r, 7), vec![("item_type".to_owned(), "unknown_item_type".to_owned())]);
    let rows = offerings::Entity::find().filter(offerings::Column::SupplierId.eq(s.id)).all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 2);
    let walker = rows.iter().find(|o| o.sku.as_deref() == Some("W-1")).unwrap();
    let crutches = rows.iter().find(|o| o.sku.as_deref() == Some("C-1")).unwrap();
    assert_eq!((walker.status, walker.price_tiyn), (DbOfferingStatus::Published, 3_000_000));
    assert_eq!((crutches.status, crutches.price_tiyn), (DbOfferingStatus::Draft, 1_400_050));
    assert_eq!(visible(&app).await, 1);
    // The same file again: nothing changes, not even a timestamp.
    let again = import(&app, &s.token, &file("14000,50")).await;
    assert_eq!(counts(&again), (0, 0, 2, 3), "{again}");
    let after = offerings::Entity::find().filter(offerings::Column::SupplierId.eq(s.id)).all(&app.db).await.unwrap();
    assert_eq!(after, rows);
    // A changed line updates only its offering.
    let changed = import(&app, &s.token, &file("15000")).await;
    assert_eq!(counts(&changed), (0, 1, 1, 3), "{changed}");
    let c = offerings::Entity::find_by_id(crutches.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(c.price_tiyn, 1_500_000);
});

both!(a_file_without_the_required_columns_is_reported_on_its_first_line, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let r = import(&app, &s.token, "sku,title_ru,price\nA,Костыли,100\n").await;
    let missing: Vec<String> =
        errors_of(&r, 1).into_iter().filter(|(_, c)| c == "missing_column").map(|(f, _)| f).collect();
    assert!(missing.contains(&"item_type".to_owned()) && missing.contains(&"regions".to_owned()), "{missing:?}");
    assert_eq!(offerings::Entity::find().all(&app.db).await.unwrap().len(), 0);
    let not_csv = upload(&app, Some(&s.token), "/supplier/offerings/import/upload", &[], ("x.csv", b"")).await;
    assert_eq!(location(&not_csv), "/supplier/offerings/import?error=file_required");
});

both!(a_pending_supplier_cannot_publish_by_csv_and_skus_belong_to_each_supplier, |app: TestApp| async move {
    let other = supplier(&app, "other@medtech.kz", 8, DbSupplierStatus::Approved, &["ALA"]).await;
    let theirs = offering(&app, other.id, "walker", 3_000_000, &["ALA"]).await;
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Pending, &["ALA"]).await;
    let sku = theirs.sku.clone().unwrap();
    let text = format!("{HEADER}\n{sku};walker;Атау;Название;;Сипаттама;Описание;;100;1;1;ALA;max_user_weight_kg=100;published\n{sku}-2;walker;Атау;Название;;Сипаттама;Описание;;100;1;1;ALA;max_user_weight_kg=100;\n");
    let r = import(&app, &s.token, &text).await;
    assert_eq!(errors_of(&r, 2), vec![("status".to_owned(), "supplier_not_approved".to_owned())]);
    assert_eq!(counts(&r), (1, 0, 0, 1));
    let still = offerings::Entity::find_by_id(theirs.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(still, theirs, "another supplier's offering with the same code is untouched");
    let template = app.get(Some(&s.token), "/supplier/offerings/template.csv").await;
    assert_eq!(template.status(), StatusCode::OK);
    let bytes = template.bytes().await.unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]) && std::str::from_utf8(&bytes[3..]).unwrap().starts_with(HEADER));
});
