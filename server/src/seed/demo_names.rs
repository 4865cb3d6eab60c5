//! Names for the demo data: realistic, and obviously not real people.

/// Surnames (male form; the female form adds "-а" / "-ова" as Kazakh and Russian do).
pub const SURNAMES: &[&str] = &[
    "Абдрахманов",
    "Ахметов",
    "Байжанов",
    "Бекмуханов",
    "Габдуллин",
    "Досанов",
    "Ермеков",
    "Жакупов",
    "Жумабаев",
    "Искаков",
    "Кайратов",
    "Калиев",
    "Касымов",
    "Куанышев",
    "Мукашев",
    "Назарбеков",
    "Нурланов",
    "Омаров",
    "Рахимов",
    "Сапаров",
    "Сарсенбаев",
    "Сейткалиев",
    "Смагулов",
    "Тулегенов",
    "Утепов",
    "Шарипов",
    "Ибраев",
    "Иванов",
    "Петров",
    "Ким",
    "Павлов",
    "Ковалёв",
];

/// Male given names.
pub const MALE: &[&str] = &[
    "Айдар",
    "Алихан",
    "Арман",
    "Асхат",
    "Бауыржан",
    "Данияр",
    "Ерлан",
    "Ержан",
    "Кайрат",
    "Марат",
    "Нурлан",
    "Руслан",
    "Серик",
    "Тимур",
    "Ильяс",
    "Сергей",
    "Андрей",
    "Дмитрий",
];

/// Female given names.
pub const FEMALE: &[&str] = &[
    "Айгерим",
    "Айжан",
    "Алия",
    "Асель",
    "Гульнара",
    "Дана",
    "Динара",
    "Жанар",
    "Камила",
    "Мадина",
    "Салтанат",
    "Сауле",
    "Томирис",
    "Умит",
    "Ольга",
    "Наталья",
    "Елена",
    "Ирина",
];

/// Patronymic stems.
pub const FATHERS: &[&str] = &["Серик", "Нурлан", "Марат", "Ерлан", "Кайрат", "Бахыт", "Тимур", "Асхат"];

/// Supplier name stems per category: TSR.
pub const TSR_SUPPLIERS: &[&str] = &[
    "ТОО «Медтехника {city}»",
    "ТОО «Ортомед-{city}»",
    "ТОО «Реабилитация Сервис»",
    "ТОО «Мобилити KZ»",
    "ТОО «Сурдотехника»",
    "ТОО «Тифлоцентр Жарық»",
    "ТОО «Протез-Ортопедия {city}»",
    "ТОО «Denta Med Supply»",
    "ИП «Оспанов — средства ухода»",
    "ТОО «Казмедимпорт»",
    "ТОО «Шипагер»",
    "ТОО «Есту әлемі»",
    "ТОО «OrtoLife»",
    "ТОО «Қамқор Медикал»",
    "ТОО «Сенім Реабилитация»",
    "ТОО «Гигиена Плюс»",
];

/// Personal-assistant providers.
pub const ASSISTANT_SUPPLIERS: &[&str] = &[
    "ОФ «Мейірім»",
    "ТОО «Көмек-Сервис»",
    "ОО «Жан-Шуақ»",
    "ИП «Абенова — помощь на дому»",
    "ТОО «Қамқорлық Орталығы»",
    "ОФ «Шаңырақ»",
    "ТОО «Забота {city}»",
    "ОО «Ақ ниет»",
];

/// Sign-language services.
pub const SIGN_SUPPLIERS: &[&str] = &[
    "ОО «Казахское общество глухих», филиал {city}",
    "ИП «Серикова — сурдоперевод»",
    "ТОО «Ым тілі»",
    "ОФ «Тең мүмкіндік»",
    "ТОО «Signal Interpreting»",
    "ИП «Жумагалиева — сурдопереводчик»",
];

/// Sanatoria.
pub const SANATORIA: &[&str] = &[
    "Санаторий «Сарыагаш»",
    "Санаторий «Окжетпес»",
    "Санаторий «Алатау»",
    "Санаторий «Мойылды»",
    "Санаторий «Жанакорган»",
    "Санаторий «Ак Бидай»",
    "Санаторий «Бурабай»",
    "Санаторий «Казахстан»",
    "Санаторий «Каменское плато»",
    "Санаторий «Арман»",
];

/// Brands and models per item type, for offering titles.
pub fn models(item_type: &str) -> &'static [&'static str] {
    match item_type {
        "wheelchair_manual" => &[
            "Ortonica Base 195",
            "Armed H 035",
            "Мега-Оптим FS909",
            "Ortonica Trend 10",
            "Titan LY-250",
            "Otto Bock Start",
        ],
        "wheelchair_electric" => &["Ortonica Pulse 330", "Armed FS123GC", "Titan LY-EB103", "Otto Bock Juvo"],
        "walker" => &["Ortonica XR 201", "Armed FS912L", "Мега-Оптим 10-W"],
        "crutches" => &["Ortonica FS 925", "Армед FS933L", "Barry CR-01"],
        "prosthesis_shin" => &["Ottobock Triton", "Össur Pro-Flex", "Протез модульный ПН-2"],
        "orthopedic_shoes" => &["Orthoboom 71057", "Sursil Ortho A45-016", "Торман Комфорт"],
        "hearing_aid" => &["Phonak Naida P30", "Signia Motion 13P", "Widex Moment 110", "Oticon Xceed 1"],
        "white_cane" => &["Тифлотрость складная Т-105", "Ambutech Slimline", "Тифлотрость телескопическая"],
        "braille_display" => &["Focus 40 Blue", "Orbit Reader 20", "Brailliant BI 40X", "ALVA BC640"],
        "talking_book_player" => &["Victor Reader Stream", "Плеер «Сөйлейтін кітап» ПК-1", "Milestone 312"],
        "diapers_adult" => &["Seni Super", "Tena Slip Plus", "MoliCare Premium", "Abri-Form"],
        "anti_bedsore_mattress" => &["Armed АП-1", "Ortonica Decubi 10", "Titan ТНТ-02"],
        "ostomy_bag" => &["Coloplast SenSura", "ConvaTec Esteem", "Alterna Free"],
        "assistant_hour" => {
            &["Помощь на дому и сопровождение", "Сопровождение вне дома", "Персональный ассистент — полный день"]
        }
        "sign_language_hour" => {
            &["Сурдоперевод на приёме у врача", "Сурдоперевод онлайн", "Сопровождение в госорганах"]
        }
        "sanatorium_course" => &["Лечебный курс 14 дней", "Курс реабилитации 14 дней", "Детский курс с сопровождающим"],
        _ => &["Стандарт"],
    }
}
