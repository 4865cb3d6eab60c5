//! Data loaded at start-up: reference data always (idempotent), demo data on request into an
//! empty database.
pub mod demo;
mod demo_names;
pub mod national;
pub mod reference;

/// Sets every offering's rating and review count from its reviews, as the portal keeps them
/// when a review is left: the mean times 100, truncated, and the count. Generated data runs
/// it once its reviews are written, so a catalogue card and the offering page agree.
pub async fn recount_ratings(db: &impl sea_orm::ConnectionTrait) -> Result<(), sea_orm::DbErr> {
    db.execute_unprepared(
        "UPDATE offerings SET \
           review_count = (SELECT COUNT(*) FROM reviews r WHERE r.offering_id = offerings.id), \
           rating_avg_x100 = COALESCE((SELECT SUM(r.rating) * 100 / COUNT(*) FROM reviews r WHERE r.offering_id = offerings.id), 0)",
    )
    .await
    .map(|_| ())
}
