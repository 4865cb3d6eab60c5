//! One page of a long list, cut by the database: the count and the page's rows are two
//! queries, and no more rows than a page ever leave it. The query must end its order with a
//! unique column (the id), so pages never overlap or skip a row.
use super::OrUnexpected;
use app::dto::PageInfo;
use app::error::AppError;
use sea_orm::{ConnectionTrait, PaginatorTrait, SelectorTrait};

/// The rows of page `requested` of `select` and where that page stands. A page past the end
/// is answered with the last page; page 0 is the first.
pub async fn one_page<'db, C, S>(
    db: &'db C,
    select: S,
    requested: u32,
) -> Result<(Vec<<S::Selector as SelectorTrait>::Item>, PageInfo), AppError>
where
    C: ConnectionTrait,
    S: PaginatorTrait<'db, C>,
{
    let paginator = select.paginate(db, PageInfo::SIZE);
    let total = paginator.num_items().await.or_unexpected()?;
    let page = PageInfo::of(total, requested);
    let rows = paginator.fetch_page(u64::from(page.page - 1)).await.or_unexpected()?;
    Ok((rows, page))
}
