//! The catalogue answered by the database: words found by the search engine (case, Kazakh
//! letters, Russian endings, relevance, a word typed with a mistake), the index and the
//! parameters following every way an offering is written, the guaranteed sum in force today,
//! the supplier's record on the offering page, and malformed requests answered as the
//! client's mistake, never as a failure of the server.
use crate::both;
use crate::fixtures::supplier::{decide, location, upload};
use crate::fixtures::{ceiling, entitlement, item_type, offering, order, recipient, supplier};
use crate::helpers::TestApp;
use app::domain::SupplierStatus;
use chrono::{Duration, Utc};
use reqwest::header::{CONTENT_TYPE, COOKIE, ORIGIN};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{json, Value};
use server::entities::enums::{DbOfferingStatus, DbOrderStatus, DbSupplierStatus};
use server::entities::{ceilings, complaints, offerings, orders};

async fn search(app: &TestApp, query: Value) -> Value {
    let a = app.call_json(None, "catalogue_search", json!({ "query": query })).await;
    assert_eq!(a.status, StatusCode::OK, "{query}: {}", a.body);
    a.body
}

fn ids(view: &Value) -> Vec<i64> {
    view["results"].as_array().map(|r| r.iter().filter_map(|c| c["id"].as_i64()).collect()).unwrap_or_default()
}

/// Sets an offering's texts, as an edit would.
async fn retitle(app: &TestApp, o: &offerings::Model, title_kk: &str, title_ru: &str, description_ru: &str) {
    let mut am: offerings::ActiveModel = o.clone().into();
    am.title_kk = Set(title_kk.into());
    am.title_ru = Set(title_ru.into());
    am.description_ru = Set(description_ru.into());
    am.update(&app.db).await.unwrap();
}

/// Posts a raw body to the catalogue's server function.
async fn post_raw(app: &TestApp, body: String) -> (StatusCode, String) {
    let res = app
        .client
        .post(format!("{}/api/catalogue_search", app.base))
        .header(ORIGIN, &app.base)
        .header(CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    (res.status(), res.text().await.unwrap_or_default())
}

/// Fetches a page in English.
async fn page_in_english(app: &TestApp, path: &str) -> (StatusCode, String) {
    let res = app.client.get(format!("{}{path}", app.base)).header(COOKIE, "ssp_lang=en").send().await.unwrap();
    (res.status(), res.text().await.unwrap_or_default())
}

both!(
    words_are_found_in_any_case_with_kazakh_letters_kept_apart_and_russian_endings_ignored,
    |app: TestApp| async move {
        let s = supplier(&app, "a@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
        let price = ceiling(&app, "walker").await;
        let kazakh = offering(&app, s.id, "walker", price, &["ALA"]).await;
        retitle(&app, &kazakh, "Қыран жүру құралы", "Ходунки складные", "Лёгкие, из алюминия").await;
        let russian = offering(&app, s.id, "walker", price + 100, &["ALA"]).await;
        retitle(&app, &russian, "Жүру құралы", "Ходунки на колёсах", "Прочные колёса").await;
        for (q, expected) in [
            ("ҚЫРАН", vec![kazakh.id]),
            ("қыран", vec![kazakh.id]),
            ("ходунки колёсами", vec![russian.id]),
            ("колеса", vec![russian.id]),
            ("ЛЕГКИЕ", vec![kazakh.id]),
            ("жүру", vec![kazakh.id, russian.id]),
        ] {
            let found = search(&app, json!({ "region": "all", "q": q, "sort": "price_asc" })).await;
            assert_eq!(ids(&found), expected.iter().map(|i| i64::from(*i)).collect::<Vec<_>>(), "{q}: {found}");
            assert_eq!(found["similar"], false);
        }
        // к is not қ: the exact search keeps them apart. PostgreSQL's trigram index then offers
        // the title with the similar word, and says so.
        let typo = search(&app, json!({ "region": "all", "q": "кыран" })).await;
        match app.db.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                assert_eq!((ids(&typo), typo["similar"].as_bool()), (vec![i64::from(kazakh.id)], Some(true)), "{typo}");
            }
            _ => assert_eq!((typo["total"].as_u64(), typo["similar"].as_bool()), (Some(0), Some(false)), "{typo}"),
        }
    }
);

both!(with_words_the_best_match_comes_first_unless_another_order_is_chosen, |app: TestApp| async move {
    let s = supplier(&app, "a@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let price = ceiling(&app, "white_cane").await;
    let in_title = offering(&app, s.id, "white_cane", price, &["ALA"]).await;
    retitle(&app, &in_title, "Ақбота таяғы", "Трость Ақбота", "Складная трость").await;
    let in_description = offering(&app, s.id, "white_cane", price - 100, &["ALA"]).await;
    retitle(&app, &in_description, "Таяқ", "Трость", "Складная трость, как у модели Ақбота, только легче и длиннее")
        .await;
    let best = search(&app, json!({ "region": "all", "q": "ақбота" })).await;
    assert_eq!(best["query"]["sort"], "relevance");
    assert_eq!(ids(&best), vec![i64::from(in_title.id), i64::from(in_description.id)], "{best}");
    let cheapest = search(&app, json!({ "region": "all", "q": "ақбота", "sort": "price_asc" })).await;
    assert_eq!(ids(&cheapest), vec![i64::from(in_description.id), i64::from(in_title.id)]);
    let without_words = search(&app, json!({ "region": "all", "sort": "relevance" })).await;
    assert_eq!(without_words["query"]["sort"], "price_asc", "no words, nothing to rank by");
});

both!(search_syntax_typed_into_the_words_field_is_searched_as_plain_words, |app: TestApp| async move {
    let s = supplier(&app, "a@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    retitle(&app, &o, "Жүру құралы", "Ходунки NEAR дома", "Описание").await;
    for q in ["\"ходунки", "ходунки*", "NEAR(ходунки", "-ходунки", "ходунки:", "^ходунки", "{ходунки}", "ходунки~"]
    {
        let found = search(&app, json!({ "region": "all", "q": q })).await;
        assert_eq!(ids(&found), vec![i64::from(o.id)], "{q}: {found}");
    }
    // Operators are words like any other: the text must contain them.
    for q in ["ходунки OR колёса", "ходунки AND NOT дома", "ходунки'); DROP TABLE offerings; --"]
    {
        assert_eq!(search(&app, json!({ "region": "all", "q": q })).await["total"], 0, "{q}");
    }
    for q in ["\"", "*", "-", ":", "()", "NEAR", "''", "\\", "AND", "*:*"] {
        search(&app, json!({ "region": "all", "q": q })).await;
    }
    assert_eq!(search(&app, json!({ "region": "all", "q": "дома" })).await["total"], 1, "nothing was dropped");
});

both!(the_search_index_and_parameters_follow_the_supplier_form_and_the_csv_upload, |app: TestApp| async move {
    let s = supplier(&app, "a@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let form = |title_kk: &'static str, frame: &'static str| {
        vec![
            ("id", ""),
            ("item_type", "wheelchair_manual"),
            ("sku", "WC-100"),
            ("title_kk", title_kk),
            ("title_ru", "Коляска прогулочная"),
            ("title_en", ""),
            ("description_kk", "Жеңіл арба"),
            ("description_ru", "Лёгкая коляска"),
            ("description_en", ""),
            ("price", "185000"),
            ("lead_time_days", "10"),
            ("capacity", "5"),
            ("regions[]", "ALA"),
            ("params[seat_width_cm]", "45"),
            ("params[max_user_weight_kg]", "120"),
            ("params[frame]", frame),
        ]
    };
    let saved = app.call(Some(&s.token), "supplier_save_offering", &form("Серуендеу арбасы", "steel")).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let o = offerings::Entity::find().filter(offerings::Column::Sku.eq("WC-100")).one(&app.db).await.unwrap().unwrap();
    let id = o.id.to_string();
    let published =
        app.call(Some(&s.token), "supplier_set_offering_status", &[("id", &id), ("action", "publish")]).await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    let by_word = |q: &'static str| search(&app, json!({ "region": "all", "q": q }));
    let by_frame = |frame: &'static str| {
        search(
            &app,
            json!({ "region": "all", "item_type": "wheelchair_manual", "params": [["frame", frame], ["seat_width_cm_min", "44"]] }),
        )
    };
    assert_eq!(ids(&by_word("серуендеу").await), vec![i64::from(o.id)]);
    assert_eq!(ids(&by_frame("steel").await), vec![i64::from(o.id)]);
    let edited: Vec<(&str, &str)> = form("Жеңіл арба", "aluminium")
        .into_iter()
        .map(|(k, v)| if k == "id" { (k, id.as_str()) } else { (k, v) })
        .collect();
    let saved = app.call(Some(&s.token), "supplier_save_offering", &edited).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(by_word("серуендеу").await["total"], 0, "the old title is gone from the index");
    assert_eq!(ids(&by_word("жеңіл").await), vec![i64::from(o.id)]);
    assert_eq!(by_frame("steel").await["total"], 0);
    assert_eq!(ids(&by_frame("aluminium").await), vec![i64::from(o.id)]);
    // The CSV upload writes through the same rules, and the index follows it too.
    let csv = "sku;item_type;title_kk;title_ru;title_en;description_kk;description_ru;description_en;price;lead_time_days;capacity;regions;params;status\r\n\
               W-7;walker;Бүркіт жүру құралы;Ходунки;Walker;Сипаттама;Описание;;30000;7;10;ALA;max_user_weight_kg=130;published\r\n";
    let res =
        upload(&app, Some(&s.token), "/supplier/offerings/import/upload", &[], ("offerings.csv", csv.as_bytes())).await;
    assert!(location(&res).starts_with("/supplier/offerings/import?report="), "{}", location(&res));
    let heavy = search(
        &app,
        json!({ "region": "all", "q": "бүркіт", "item_type": "walker", "params": [["max_user_weight_kg_min", "125"]] }),
    )
    .await;
    assert_eq!(heavy["total"], 1, "{heavy}");
});

both!(no_co_payment_compares_with_the_sum_in_force_today_never_one_announced_for_tomorrow, |app: TestApp| async move {
    let s = supplier(&app, "a@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let today_sum = ceiling(&app, "walker").await;
    let below = offering(&app, s.id, "walker", today_sum - 100, &["ALA"]).await;
    let above = offering(&app, s.id, "walker", today_sum + 100, &["ALA"]).await;
    let walker = item_type(&app, "walker").await;
    let add = |from: chrono::NaiveDate, amount: i64| ceilings::ActiveModel {
        item_type_id: Set(walker.id),
        amount_tiyn: Set(amount),
        valid_from: Set(from),
        created_by: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    let today = Utc::now().date_naive();
    add(today + Duration::days(1), today_sum - 1_000).insert(&app.db).await.unwrap();
    let q = json!({ "region": "all", "item_type": "walker", "no_copay": true });
    let all_types = json!({ "region": "all", "no_copay": true });
    assert_eq!(
        ids(&search(&app, q.clone()).await),
        vec![i64::from(below.id)],
        "tomorrow's lower sum is not in force yet"
    );
    assert_eq!(ids(&search(&app, all_types.clone()).await), vec![i64::from(below.id)]);
    add(today, today_sum + 200).insert(&app.db).await.unwrap();
    let raised = search(&app, q).await;
    assert_eq!(ids(&raised), vec![i64::from(below.id), i64::from(above.id)], "a sum starting today is in force today");
    assert_eq!(raised["results"][1]["ceiling"], today_sum + 200);
    assert_eq!(raised["results"][1]["copay"], 0);
    assert_eq!(search(&app, all_types).await["total"], 2);
});

both!(
    suspending_a_supplier_takes_its_offerings_out_of_the_catalogue_and_reinstating_brings_them_back,
    |app: TestApp| async move {
        let s = supplier(&app, "a@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
        let other = supplier(&app, "b@x.kz", 2, DbSupplierStatus::Approved, &["ALA"]).await;
        offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
        offering(&app, s.id, "crutches", 1_000_000, &["ALA"]).await;
        let kept = offering(&app, other.id, "walker", 3_000_000, &["ALA"]).await;
        let count = || async { search(&app, json!({ "region": "all" })).await["total"].as_u64() };
        assert_eq!(count().await, Some(3));
        decide(&app, s.id, SupplierStatus::Suspended, Some("Проверка")).await;
        assert_eq!(count().await, Some(1));
        decide(&app, s.id, SupplierStatus::Approved, None).await;
        assert_eq!(count().await, Some(3));
        let mut am: offerings::ActiveModel = kept.into();
        am.status = Set(DbOfferingStatus::Blocked);
        am.update(&app.db).await.unwrap();
        assert_eq!(count().await, Some(2));
    }
);

both!(the_offering_page_counts_the_suppliers_deliveries_on_time_and_complaints, |app: TestApp| async move {
    let s = supplier(&app, "a@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let e = entitlement(&app, r.id, "walker", 10).await;
    let now = Utc::now();
    for (status, late) in [
        (DbOrderStatus::Delivered, false),
        (DbOrderStatus::Confirmed, true),
        (DbOrderStatus::Returned, false),
        (DbOrderStatus::Placed, false),
    ] {
        let placed = order(&app, &r, &e, &o, 1, status).await;
        if status != DbOrderStatus::Placed {
            let mut am: orders::ActiveModel = placed.into();
            am.deliver_by = Set(Some(now - Duration::days(2)));
            am.delivered_at = Set(Some(now - Duration::days(if late { 1 } else { 3 })));
            am.update(&app.db).await.unwrap();
        }
    }
    let some_order = orders::Entity::find().one(&app.db).await.unwrap().unwrap();
    complaints::ActiveModel {
        order_id: Set(some_order.id),
        recipient_id: Set(r.id),
        supplier_id: Set(s.id),
        region_code: Set("ALA".into()),
        body: Set("Сломано".into()),
        status: Set(server::entities::enums::DbComplaintStatus::Open),
        due_at: Set(now + Duration::days(10)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let page = app.call(None, "offering_get", &[("id", &o.id.to_string())]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let card = &page.body["supplier"];
    assert_eq!(
        (card["delivered"].as_u64(), card["on_time_percent"].as_u64(), card["complaints"].as_u64()),
        (Some(2), Some(50), Some(1)),
        "{card}"
    );
});

both!(malformed_catalogue_requests_are_the_clients_mistake_never_a_server_failure, |app: TestApp| async move {
    let nested = format!("{{\"query\":{{\"params\":{}{}}}}}", "[".repeat(5_000), "]".repeat(5_000));
    for (body, what) in [
        ("{".to_owned(), "broken JSON"),
        (String::new(), "no body"),
        (r#"{"query":{"page":-1}}"#.to_owned(), "a negative page"),
        (r#"{"query":{"page":4294967296}}"#.to_owned(), "a page of 2^32"),
        (r#"{"query":{"page":"2"}}"#.to_owned(), "a page as text"),
        (r#"{"query":{"params":{"frame":"steel"}}}"#.to_owned(), "parameters as an object"),
        (r#"{"query":{"params":[["frame"]]}}"#.to_owned(), "a parameter without a value"),
        (r#"{"query":{"params":[["frame", 5]]}}"#.to_owned(), "a parameter value as a number"),
        (r#"{"query":{"no_copay":"yes"}}"#.to_owned(), "a flag as text"),
        (nested, "10 KB of nested lists"),
    ] {
        let (status, text) = post_raw(&app, body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{what}: {text}");
    }
    // 200 KB of Cyrillic (two bytes a letter) is a body larger than any server function takes;
    // a shorter one is read and refused beside the field.
    let huge = app.call_json(None, "catalogue_search", json!({ "query": { "q": "коляска ".repeat(25_000) } })).await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE, "a 200 KB search text");
    let ascii = app.call_json(None, "catalogue_search", json!({ "query": { "q": "a".repeat(200_000) } })).await;
    assert_eq!(ascii.status, StatusCode::UNPROCESSABLE_ENTITY, "a 200 KB word of Latin letters fits the body limit");
    assert_eq!(ascii.field_error("q").as_deref(), Some("too_long"));
    let long = app.call_json(None, "catalogue_search", json!({ "query": { "q": "коляска ".repeat(2_500) } })).await;
    assert_eq!(long.status, StatusCode::UNPROCESSABLE_ENTITY, "a 20 KB search text");
    assert_eq!(long.field_error("q").as_deref(), Some("too_long"));
    let bad = app
        .call_json(None, "catalogue_search", json!({ "query": { "price_min": "дёшево", "max_lead": "0", "min_rating": "five", "item_type": "wheelchair_manual", "params": [["seat_width_cm_min", "wide"]] } }))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for (field, code) in [
        ("price_min", "not_an_amount"),
        ("max_lead", "out_of_range"),
        ("min_rating", "not_a_number"),
        ("p_seat_width_cm_min", "not_a_number"),
    ] {
        assert_eq!(bad.field_error(field).as_deref(), Some(code), "{field}: {}", bad.body);
    }
    let many = app.call_json(None, "catalogue_search", json!({ "query": { "params": vec![["k", "v"]; 100] } })).await;
    assert_eq!(many.field_error("params").as_deref(), Some("too_long"));
    let huge_page = search(&app, json!({ "region": "all", "page": u32::MAX })).await;
    assert_eq!(huge_page["query"]["page"], 1, "a page past the end shows the last page");
});

both!(
    the_catalogue_page_answers_filters_it_cannot_use_with_a_translated_message_and_results,
    |app: TestApp| async move {
        let s = supplier(&app, "a@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
        offering(&app, s.id, "wheelchair_manual", 10_000_000, &["ALA"]).await;
        let long = "a".repeat(20_000);
        for (path, message) in [
            ("/catalogue?page=-1".to_owned(), None),
            ("/catalogue?page=4294967296".to_owned(), None),
            ("/catalogue?q=%22*NEAR(-%3A".to_owned(), None),
            (format!("/catalogue?region=all&q={long}"), Some("Use at most 200 characters.")),
            (
                "/catalogue?region=all&price_min=cheap".to_owned(),
                Some("Enter an amount in tenge, like 185000 or 185000.50."),
            ),
            ("/catalogue?region=all&max_lead=0".to_owned(), Some("Enter a number of days from 1.")),
            (
                "/catalogue?region=all&item_type=wheelchair_manual&p_seat_width_cm_min=wide".to_owned(),
                Some("Enter a whole number."),
            ),
        ] {
            let (status, html) = page_in_english(&app, &path).await;
            let shown: String = path.chars().take(80).collect();
            assert_eq!(status, StatusCode::OK, "{shown}");
            assert!(
                html.contains("offering found") || html.contains("offerings found"),
                "results are still shown for {shown}"
            );
            if let Some(m) = message {
                assert!(html.contains(m), "{m} on {shown}");
                assert!(html.contains("app-error-summary"), "the error summary lists it");
            }
        }
        // 60 KB of words, near the longest address HTTP libraries take.
        let (status, html) = page_in_english(&app, &format!("/catalogue?q={}", "a".repeat(60_000))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Use at most 200 characters."));
    }
);

both!(results_are_paged_in_the_database_with_a_short_pager, |app: TestApp| async move {
    let s = supplier(&app, "a@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let mut made = Vec::new();
    for i in 0..45 {
        made.push(offering(&app, s.id, "walker", 1_000_000 + i * 100, &["ALA"]).await.id);
    }
    let third = search(&app, json!({ "region": "all", "page": 3 })).await;
    assert_eq!((third["total"].as_u64(), third["pages"].as_u64()), (Some(45), Some(3)));
    assert_eq!(ids(&third), made[40..].iter().map(|i| i64::from(*i)).collect::<Vec<_>>());
    let (_, html) = page_in_english(&app, "/catalogue?region=all&page=2").await;
    assert!(html.contains("Previous page") && html.contains("Next page"), "the pager links the neighbours");
});
