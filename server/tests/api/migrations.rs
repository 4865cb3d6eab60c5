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
        assert!(orders::Entity::find().filter(orders::Column::Status.eq(s)).count(&app.db).await.unwrap() >= 1, "{s:?}");
    }
    // Some offerings are priced above their ceiling, so co-payments can be shown.
    let above = orders::Entity::find().filter(orders::Column::CopayTiyn.gt(0)).count(&app.db).await.unwrap();
    assert!(above >= 1);
});
