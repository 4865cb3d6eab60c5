//! The schema comes only from the migrations, and they go down and up again cleanly.
use crate::both;
use crate::helpers::TestApp;
use migration::{Migrator, MigratorTrait};
use sea_orm::{EntityTrait, PaginatorTrait};
use server::entities::{categories, item_types, regions};

both!(migrations_go_down_and_up_again, |app: TestApp| async move {
    assert_eq!(regions::Entity::find().count(&app.db).await.unwrap(), 20);
    assert_eq!(categories::Entity::find().count(&app.db).await.unwrap(), 4);
    assert!(item_types::Entity::find().count(&app.db).await.unwrap() >= 16);
    let applied = Migrator::get_applied_migrations(&app.db).await.unwrap().len();
    assert_eq!(applied, Migrator::migrations().len());
    Migrator::down(&app.db, None).await.unwrap();
    assert!(Migrator::get_applied_migrations(&app.db).await.unwrap().is_empty());
    assert!(regions::Entity::find().count(&app.db).await.is_err(), "tables are gone");
    Migrator::up(&app.db, None).await.unwrap();
    assert_eq!(regions::Entity::find().count(&app.db).await.unwrap(), 0);
    server::seed::reference::load(&app.db).await.unwrap();
    server::seed::reference::load(&app.db).await.unwrap();
    assert_eq!(regions::Entity::find().count(&app.db).await.unwrap(), 20, "reference data loads once");
});

both!(demo_data_is_realistic_and_loads_once, |app: TestApp| async move {
    use sea_orm::{ColumnTrait, QueryFilter};
    use server::entities::enums::{DbOrderStatus, DbSupplierStatus};
    use server::entities::{offerings, orders, recipients, suppliers};
    server::seed::demo::load_if_empty(&app.db).await.unwrap();
    server::seed::demo::load_if_empty(&app.db).await.unwrap();
    assert!(suppliers::Entity::find().count(&app.db).await.unwrap() >= 40);
    for s in [DbSupplierStatus::Pending, DbSupplierStatus::Suspended] {
        assert!(suppliers::Entity::find().filter(suppliers::Column::Status.eq(s)).count(&app.db).await.unwrap() >= 1);
    }
    assert!(offerings::Entity::find().count(&app.db).await.unwrap() >= 300);
    assert!(recipients::Entity::find().count(&app.db).await.unwrap() >= 200);
    use sea_orm::Iterable;
    for s in DbOrderStatus::iter() {
        assert!(
            orders::Entity::find().filter(orders::Column::Status.eq(s)).count(&app.db).await.unwrap() >= 1,
            "{s:?}"
        );
    }
    // Some offerings are priced above their ceiling, so co-payments can be shown.
    let above = orders::Entity::find().filter(orders::Column::CopayTiyn.gt(0)).count(&app.db).await.unwrap();
    assert!(above >= 1);
    // An offering's rating and review count are its reviews': the catalogue card and the
    // offering page tell the same story.
    use server::entities::reviews;
    for o in offerings::Entity::find().all(&app.db).await.unwrap() {
        let ratings: Vec<i32> = reviews::Entity::find()
            .filter(reviews::Column::OfferingId.eq(o.id))
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|r| i32::from(r.rating))
            .collect();
        let mean = if ratings.is_empty() { 0 } else { ratings.iter().sum::<i32>() * 100 / ratings.len() as i32 };
        assert_eq!((o.review_count as usize, o.rating_avg_x100), (ratings.len(), mean), "offering {}", o.id);
    }
    let reviewed = offerings::Entity::find()
        .filter(offerings::Column::ReviewCount.gt(0))
        .filter(sea_orm::sea_query::Expr::cust("listed"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("a listed offering with reviews");
    let page = app.call(None, "offering_get", &[("id", &reviewed.id.to_string())]).await;
    assert_eq!(page.status, reqwest::StatusCode::OK, "{}", page.body);
    let shown = page.body["reviews"].as_array().map_or(0, Vec::len);
    assert_eq!(shown, (reviewed.review_count as usize).min(30), "the page shows the reviews the card counts");
});
