//! Reference data every installation needs: the 20 regions, the four categories, their item
//! types with parameter schemas, and the guaranteed sums. Inserted when missing, never changed
//! afterwards (the ministry manages them in the portal).
use crate::entities::enums::{DbCategoryKind, DbUnit};
use crate::entities::{categories, ceilings, item_types, regions};
use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::{json, Value};

/// Regions: code, Kazakh, Russian, English.
pub const REGIONS: [(&str, &str, &str, &str); 20] = [
    ("AST", "Астана қаласы", "город Астана", "Astana city"),
    ("ALA", "Алматы қаласы", "город Алматы", "Almaty city"),
    ("SHY", "Шымкент қаласы", "город Шымкент", "Shymkent city"),
    ("ABA", "Абай облысы", "Абайская область", "Abai Region"),
    ("AKM", "Ақмола облысы", "Акмолинская область", "Akmola Region"),
    ("AKT", "Ақтөбе облысы", "Актюбинская область", "Aktobe Region"),
    ("ALM", "Алматы облысы", "Алматинская область", "Almaty Region"),
    ("ATY", "Атырау облысы", "Атырауская область", "Atyrau Region"),
    ("VKO", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"),
    ("ZHA", "Жамбыл облысы", "Жамбылская область", "Zhambyl Region"),
    ("ZHE", "Жетісу облысы", "Область Жетісу", "Zhetysu Region"),
    ("ZKO", "Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region"),
    ("KAR", "Қарағанды облысы", "Карагандинская область", "Karaganda Region"),
    ("KOS", "Қостанай облысы", "Костанайская область", "Kostanay Region"),
    ("KZY", "Қызылорда облысы", "Кызылординская область", "Kyzylorda Region"),
    ("MAN", "Маңғыстау облысы", "Мангистауская область", "Mangystau Region"),
    ("PAV", "Павлодар облысы", "Павлодарская область", "Pavlodar Region"),
    ("SKO", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region"),
    ("TUR", "Түркістан облысы", "Туркестанская область", "Turkistan Region"),
    ("ULY", "Ұлытау облысы", "Область Ұлытау", "Ulytau Region"),
];

struct Cat {
    code: &'static str,
    names: [&'static str; 3],
    unit: DbUnit,
    kind: DbCategoryKind,
}

const CATEGORIES: [Cat; 4] = [
    Cat {
        code: "tsr",
        names: [
            "Техникалық оңалту құралдары",
            "Технические средства реабилитации",
            "Technical means of rehabilitation",
        ],
        unit: DbUnit::Piece,
        kind: DbCategoryKind::Goods,
    },
    Cat {
        code: "assistant",
        names: ["Жеке көмекші қызметтері", "Услуги персонального ассистента", "Personal assistant services"],
        unit: DbUnit::Hour,
        kind: DbCategoryKind::Hours,
    },
    Cat {
        code: "sign_language",
        names: [
            "Ымдау тілі маманының қызметтері",
            "Услуги специалиста жестового языка",
            "Sign language specialist services",
        ],
        unit: DbUnit::Hour,
        kind: DbCategoryKind::Sessions,
    },
    Cat {
        code: "sanatorium",
        names: ["Санаторийлік-курорттық емдеу", "Санаторно-курортное лечение", "Sanatorium-resort treatment"],
        unit: DbUnit::Course,
        kind: DbCategoryKind::Course,
    },
];

/// An item type: category, code, names, unit, replacement period, parameters, ceilings
/// (tiyn, from date).
pub struct ItemTypeSeed {
    /// Category code.
    pub category: &'static str,
    /// Item type code.
    pub code: &'static str,
    /// Kazakh, Russian, English.
    pub names: [&'static str; 3],
    /// Unit.
    pub unit: DbUnit,
    /// Months before a replacement is due.
    pub replacement_months: Option<i32>,
    /// Guaranteed sums in tiyn with the date each applies from.
    pub ceilings: &'static [(i64, (i32, u32, u32))],
}

/// Item types with their ceilings. The sanatorium course is the 2025 figure of the source
/// (305,374.72 KZT); the others are set within the range of published procurement prices.
pub const ITEM_TYPES: &[ItemTypeSeed] = &[
    ItemTypeSeed {
        category: "tsr",
        code: "wheelchair_manual",
        names: [
            "Қол жетегі бар мүгедектер арбасы (серуендеуге)",
            "Кресло-коляска с ручным приводом (прогулочная)",
            "Manual wheelchair (outdoor)",
        ],
        unit: DbUnit::Piece,
        replacement_months: Some(48),
        ceilings: &[(17_820_000, (2024, 1, 1)), (18_645_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "wheelchair_electric",
        names: ["Электр жетегі бар мүгедектер арбасы", "Кресло-коляска с электроприводом", "Electric wheelchair"],
        unit: DbUnit::Piece,
        replacement_months: Some(60),
        ceilings: &[(124_800_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "walker",
        names: ["Жүруге арналған құрал (ходунок)", "Ходунки", "Walker"],
        unit: DbUnit::Piece,
        replacement_months: Some(60),
        ceilings: &[(3_250_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "crutches",
        names: ["Қолтықтық балдақтар (жұп)", "Костыли подмышечные (пара)", "Underarm crutches (pair)"],
        unit: DbUnit::Piece,
        replacement_months: Some(24),
        ceilings: &[(1_480_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "prosthesis_shin",
        names: ["Сирақ протезі", "Протез голени", "Below-knee prosthesis"],
        unit: DbUnit::Piece,
        replacement_months: Some(24),
        ceilings: &[(98_230_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "orthopedic_shoes",
        names: ["Ортопедиялық аяқ киім (жұп)", "Ортопедическая обувь (пара)", "Orthopaedic shoes (pair)"],
        unit: DbUnit::Piece,
        replacement_months: Some(12),
        ceilings: &[(4_230_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "hearing_aid",
        names: [
            "Құлақ артындағы цифрлық есту аппараты",
            "Слуховой аппарат цифровой заушный",
            "Digital behind-the-ear hearing aid",
        ],
        unit: DbUnit::Piece,
        replacement_months: Some(48),
        ceilings: &[(16_890_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "white_cane",
        names: ["Тактильді ақ таяқ", "Трость тактильная белая", "Tactile white cane"],
        unit: DbUnit::Piece,
        replacement_months: Some(12),
        ceilings: &[(690_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "braille_display",
        names: ["Брайль дисплейі", "Брайлевский дисплей", "Braille display"],
        unit: DbUnit::Piece,
        replacement_months: Some(84),
        ceilings: &[(195_000_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "talking_book_player",
        names: ["Сөйлейтін кітаптарға арналған ойнатқыш", "Тифлоплеер для говорящих книг", "Talking book player"],
        unit: DbUnit::Piece,
        replacement_months: Some(84),
        ceilings: &[(4_860_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "diapers_adult",
        names: ["Ересектерге арналған жөргектер", "Подгузники для взрослых", "Adult diapers"],
        unit: DbUnit::Piece,
        replacement_months: None,
        ceilings: &[(21_540, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "anti_bedsore_mattress",
        names: ["Ойық жараға қарсы матрас", "Противопролежневый матрац", "Anti-bedsore mattress"],
        unit: DbUnit::Piece,
        replacement_months: Some(36),
        ceilings: &[(5_890_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "tsr",
        code: "ostomy_bag",
        names: ["Калқабылдағыш", "Калоприёмник", "Ostomy bag"],
        unit: DbUnit::Piece,
        replacement_months: None,
        ceilings: &[(115_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "assistant",
        code: "assistant_hour",
        names: [
            "Жеке көмекшінің қызметі (сағат)",
            "Услуги персонального ассистента (час)",
            "Personal assistant (hour)",
        ],
        unit: DbUnit::Hour,
        replacement_months: None,
        ceilings: &[(148_200, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "sign_language",
        code: "sign_language_hour",
        names: [
            "Ымдау тілі маманының қызметі (сағат)",
            "Услуги специалиста жестового языка (час)",
            "Sign language specialist (hour)",
        ],
        unit: DbUnit::Hour,
        replacement_months: None,
        ceilings: &[(295_000, (2025, 1, 1))],
    },
    ItemTypeSeed {
        category: "sanatorium",
        code: "sanatorium_course",
        names: [
            "Санаторийлік-курорттық емдеу (14 күн)",
            "Санаторно-курортное лечение (14 дней)",
            "Sanatorium-resort treatment (14 days)",
        ],
        unit: DbUnit::Course,
        replacement_months: Some(12),
        ceilings: &[(28_997_000, (2024, 1, 1)), (30_537_472, (2025, 1, 1))],
    },
];

fn label(kk: &str, ru: &str, en: &str) -> Value {
    json!({ "kk": kk, "ru": ru, "en": en })
}

fn int(key: &str, min: i64, max: i64, l: Value) -> Value {
    json!({ "key": key, "kind": "int", "min": min, "max": max, "label": l })
}

fn choice(key: &str, options: &[(&str, Value)], l: Value) -> Value {
    let opts: Vec<Value> = options.iter().map(|(v, ol)| json!({ "value": v, "label": ol })).collect();
    json!({ "key": key, "kind": "choice", "options": opts, "label": l })
}

fn weight() -> Value {
    int(
        "max_user_weight_kg",
        40,
        250,
        label("Пайдаланушының ең көп салмағы, кг", "Максимальный вес пользователя, кг", "Maximum user weight, kg"),
    )
}

fn seat() -> Value {
    int("seat_width_cm", 30, 60, label("Отырғыш ені, см", "Ширина сиденья, см", "Seat width, cm"))
}

/// The parameter schema of an item type: what an offering must state, so a recipient can
/// order exactly what fits (e.g. a wheelchair's seat width).
pub fn param_schema(code: &str) -> Value {
    let params = match code {
        "wheelchair_manual" => vec![
            seat(),
            weight(),
            choice(
                "frame",
                &[
                    ("steel", label("Болат", "Сталь", "Steel")),
                    ("aluminium", label("Алюминий", "Алюминий", "Aluminium")),
                ],
                label("Рама", "Рама", "Frame"),
            ),
        ],
        "wheelchair_electric" => {
            vec![seat(), weight(), int("range_km", 5, 60, label("Жүріс қашықтығы, км", "Запас хода, км", "Range, km"))]
        }
        "walker" | "crutches" => vec![weight()],
        "prosthesis_shin" => vec![choice(
            "side",
            &[("left", label("Сол", "Левая", "Left")), ("right", label("Оң", "Правая", "Right"))],
            label("Жағы", "Сторона", "Side"),
        )],
        "orthopedic_shoes" => vec![int("size", 18, 48, label("Өлшемі", "Размер", "Size"))],
        "hearing_aid" => vec![
            choice(
                "power",
                &[
                    ("medium", label("Орташа", "Средняя", "Medium")),
                    ("high", label("Жоғары", "Высокая", "High")),
                    ("super", label("Өте жоғары", "Сверхмощная", "Super power")),
                ],
                label("Қуаты", "Мощность", "Power"),
            ),
            int("channels", 2, 24, label("Арналар саны", "Число каналов", "Channels")),
        ],
        "white_cane" => vec![int("length_cm", 80, 150, label("Ұзындығы, см", "Длина, см", "Length, cm"))],
        "braille_display" => {
            vec![int("cells", 12, 88, label("Брайль ұяшықтарының саны", "Число брайлевских ячеек", "Braille cells"))]
        }
        "diapers_adult" => vec![
            choice(
                "size",
                &[
                    ("s", label("S", "S", "S")),
                    ("m", label("M", "M", "M")),
                    ("l", label("L", "L", "L")),
                    ("xl", label("XL", "XL", "XL")),
                ],
                label("Өлшемі", "Размер", "Size"),
            ),
            int("absorbency_ml", 500, 5000, label("Сіңіргіштігі, мл", "Впитываемость, мл", "Absorbency, ml")),
        ],
        "anti_bedsore_mattress" => vec![choice(
            "kind",
            &[
                ("cellular", label("Ұялы", "Ячеистый", "Cellular")),
                ("tubular", label("Баллонды", "Баллонный", "Tubular")),
            ],
            label("Түрі", "Тип", "Type"),
        )],
        "ostomy_bag" => vec![choice(
            "system",
            &[
                ("one_piece", label("Бір компонентті", "Однокомпонентный", "One-piece")),
                ("two_piece", label("Екі компонентті", "Двухкомпонентный", "Two-piece")),
            ],
            label("Жүйесі", "Система", "System"),
        )],
        "sign_language_hour" => vec![choice(
            "mode",
            &[("in_person", label("Бетпе-бет", "Очно", "In person")), ("online", label("Онлайн", "Онлайн", "Online"))],
            label("Түрі", "Формат", "Mode"),
        )],
        "sanatorium_course" => vec![choice(
            "profile",
            &[
                ("musculoskeletal", label("Тірек-қимыл аппараты", "Опорно-двигательный аппарат", "Musculoskeletal")),
                ("neurological", label("Жүйке жүйесі", "Нервная система", "Nervous system")),
                ("cardiovascular", label("Жүрек-қантамыр жүйесі", "Сердечно-сосудистая система", "Cardiovascular")),
                ("respiratory", label("Тыныс алу ағзалары", "Органы дыхания", "Respiratory")),
            ],
            label("Емдеу бейіні", "Профиль лечения", "Treatment profile"),
        )],
        _ => vec![],
    };
    json!({ "params": params })
}

fn date(d: (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.0, d.1, d.2).unwrap_or_default()
}

/// Inserts what is missing; leaves existing rows alone.
pub async fn load(db: &DatabaseConnection) -> Result<(), sea_orm::DbErr> {
    for (i, (code, kk, ru, en)) in REGIONS.iter().enumerate() {
        if regions::Entity::find_by_id((*code).to_owned()).one(db).await?.is_none() {
            regions::ActiveModel {
                code: Set((*code).into()),
                name_kk: Set((*kk).into()),
                name_ru: Set((*ru).into()),
                name_en: Set((*en).into()),
                sort: Set(i32::try_from(i).unwrap_or(0)),
            }
            .insert(db)
            .await?;
        }
    }
    let now = Utc::now();
    for (i, c) in CATEGORIES.iter().enumerate() {
        if categories::Entity::find().filter(categories::Column::Code.eq(c.code)).one(db).await?.is_none() {
            categories::ActiveModel {
                code: Set(c.code.into()),
                name_kk: Set(c.names[0].into()),
                name_ru: Set(c.names[1].into()),
                name_en: Set(c.names[2].into()),
                unit: Set(c.unit),
                kind: Set(c.kind),
                sort: Set(i32::try_from(i).unwrap_or(0)),
                active: Set(true),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    for t in ITEM_TYPES {
        if item_types::Entity::find().filter(item_types::Column::Code.eq(t.code)).one(db).await?.is_some() {
            continue;
        }
        let Some(cat) = categories::Entity::find().filter(categories::Column::Code.eq(t.category)).one(db).await?
        else {
            continue;
        };
        let it = item_types::ActiveModel {
            category_id: Set(cat.id),
            code: Set(t.code.into()),
            name_kk: Set(t.names[0].into()),
            name_ru: Set(t.names[1].into()),
            name_en: Set(t.names[2].into()),
            unit: Set(t.unit),
            replacement_months: Set(t.replacement_months),
            param_schema: Set(param_schema(t.code)),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for (amount, from) in t.ceilings {
            ceilings::ActiveModel {
                item_type_id: Set(it.id),
                amount_tiyn: Set(*amount),
                valid_from: Set(date(*from)),
                created_by: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}
