//! Markup in any text a user controls never becomes an element of the page's head.
use crate::both;
use crate::fixtures::*;
use crate::helpers::TestApp;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use sea_orm::{ColumnTrait, QueryFilter};
use server::entities::enums::*;
use server::entities::{item_types, offerings, suppliers};

const MARKUP: &str =
    r#"</title><meta http-equiv="refresh" content="0;url=http://evil.example/"><script>alert(1)</script>"#;

/// The page's head parsed as a browser would: no `meta http-equiv`, no script without the
/// page's nonce, and the title holding the markup as text.
fn assert_head_is_clean(html: &str, path: &str, names_it: bool) {
    let doc = scraper::Html::parse_document(html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    assert_eq!(doc.select(&sel("meta[http-equiv]")).count(), 0, "{path}: a meta http-equiv appeared");
    assert_eq!(
        doc.select(&sel("head script:not([nonce])")).count(),
        0,
        "{path}: a script without the nonce appeared in the head"
    );
    let titles: Vec<String> = doc.select(&sel("title")).map(|t| t.text().collect()).collect();
    assert_eq!(titles.len(), 1, "{path}: {titles:?}");
    if names_it {
        assert!(titles[0].contains("</title><meta"), "{path}: the title shows the text as typed: {}", titles[0]);
    }
}

both!(markup_in_names_and_titles_stays_text_in_every_title, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let row = suppliers::Entity::find_by_id(s.id).one(&app.db).await.unwrap().unwrap();
    let mut am: suppliers::ActiveModel = row.into();
    am.legal_name = Set(format!("ТОО {MARKUP}"));
    am.update(&app.db).await.unwrap();
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let mut am: offerings::ActiveModel = o.clone().into();
    am.title_kk = Set(MARKUP.into());
    am.title_ru = Set(MARKUP.into());
    am.title_en = Set(Some(MARKUP.into()));
    am.update(&app.db).await.unwrap();
    let r = recipient(&app, "r@x.kz", 1).await;
    let e = entitlement(&app, r.id, "walker", 1).await;
    let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
    // An item type's names are typed by staff.
    let walker =
        item_types::Entity::find().filter(item_types::Column::Code.eq("walker")).one(&app.db).await.unwrap().unwrap();
    let mut am: item_types::ActiveModel = walker.clone().into();
    am.name_kk = Set(MARKUP.into());
    am.name_ru = Set(MARKUP.into());
    am.name_en = Set(MARKUP.into());
    am.update(&app.db).await.unwrap();
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    // (page, whether its title names the supplier or the offering)
    let pages: Vec<(Option<&str>, String, bool)> = vec![
        (None, format!("/offerings/{}", o.id), true),
        (Some(&staff), format!("/staff/offerings/{}", o.id), true),
        (Some(&staff), format!("/staff/suppliers/{}", s.id), true),
        (Some(&staff), format!("/staff/item-types/{}", walker.id), true),
        (Some(&s.token), format!("/supplier/offerings/{}", o.id), false),
        (Some(&r.token), format!("/orders/{}", placed.id), false),
        (Some(&s.token), format!("/supplier/orders/{}", placed.id), false),
    ];
    for (token, path, names_it) in pages {
        let res = app.get(token, &path).await;
        assert_eq!(res.status(), reqwest::StatusCode::OK, "{path}");
        let html = res.text().await.unwrap();
        assert_head_is_clean(&html, &path, names_it);
    }
});
