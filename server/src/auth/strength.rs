//! Password strength, estimated by zxcvbn (keyboard rows, sequences, repeats, dates, common
//! passwords, names and words of its English dictionaries) with our own list of Kazakh and
//! Russian words as people type them in Latin letters (`parol`, `lyubov`, `qazaqstan`) and
//! the Russian keyboard's rows as typed (`йцукен`). A password must need at least 10^10
//! guesses (zxcvbn score 3 of 4) besides the length rules of [`Password::parse`]; the
//! refusal names the weakness, so a person knows what to change.
use app::domain::Password;
use zxcvbn::feedback::Warning;

/// Words a Kazakh or Russian speaker reaches for, transliterated and in Cyrillic: zxcvbn
/// treats each as a dictionary word, so `parolparol12` is a repeat of a known word.
const LOCAL_WORDS: &[&str] = &[
    "parol",
    "parol'",
    "porol",
    "privet",
    "lyubov",
    "lubov",
    "lubimaya",
    "solnce",
    "solnyshko",
    "zaichik",
    "kotik",
    "malysh",
    "angel",
    "schastie",
    "drug",
    "mama",
    "papa",
    "semya",
    "rodina",
    "pobeda",
    "spartak",
    "zenit",
    "dinamo",
    "qazaqstan",
    "kazakhstan",
    "kazakstan",
    "qazaq",
    "kazakh",
    "kazak",
    "almaty",
    "alma-ata",
    "astana",
    "nursultan",
    "shymkent",
    "karaganda",
    "qaraghandy",
    "aktobe",
    "aqtobe",
    "atyrau",
    "pavlodar",
    "semey",
    "oskemen",
    "kostanay",
    "taraz",
    "turkistan",
    "kyzylorda",
    "aktau",
    "taldykorgan",
    "petropavl",
    "oral",
    "uralsk",
    "zhezkazgan",
    "baikonur",
    "medeu",
    "shymbulak",
    "baiterek",
    "abai",
    "abay",
    "otan",
    "eli",
    "elim",
    "zher",
    "dala",
    "tengri",
    "batyr",
    "salem",
    "salemetsiz",
    "rakhmet",
    "rahmet",
    "mahabbat",
    "makhabbat",
    "bakyt",
    "baqyt",
    "zhuldyz",
    "aru",
    "balam",
    "anam",
    "akem",
    "atam",
    "azhe",
    "kun",
    "ai",
    "zhan",
    "janym",
    "zhanym",
    "sultan",
    "khan",
    "han",
    "nurlan",
    "erlan",
    "asel",
    "aigerim",
    "aizhan",
    "ainur",
    "aruzhan",
    "dana",
    "dinara",
    "gulnara",
    "zhanar",
    "saule",
    "aliya",
    "madina",
    "kairat",
    "kanat",
    "marat",
    "serik",
    "bauyrzhan",
    "daulet",
    "nurzhan",
    "askar",
    "arman",
    "yerlan",
    "timur",
    "aleksandr",
    "sasha",
    "sergey",
    "andrey",
    "alexey",
    "dmitriy",
    "dima",
    "vova",
    "ivan",
    "misha",
    "masha",
    "natasha",
    "olga",
    "tatyana",
    "svetlana",
    "irina",
    "elena",
    "marina",
    "nastya",
    "katya",
    "yulia",
    "oksana",
    "пароль",
    "парол",
    "привет",
    "любовь",
    "солнце",
    "казахстан",
    "қазақстан",
    "алматы",
    "астана",
    "сәлем",
    "махаббат",
    "йцукен",
    "йцукенгшщзхъ",
    "фывапролджэ",
    "ячсмитьбю",
    "ytrewq",
];

/// A password must need at least 10^10 guesses: offline, against a stolen Argon2id hash
/// (tens of guesses a second per core), that is centuries.
const MIN_GUESSES_LOG10: f64 = 10.0;

/// Refuses a weak password with a code that says why (`password_keyboard_pattern`, ...).
/// `personal` are the person's own words (e-mail, name) that must not carry the password.
pub fn check(password: &str, personal: &[&str]) -> Result<(), &'static str> {
    let mut inputs: Vec<String> = LOCAL_WORDS.iter().map(|w| (*w).to_owned()).collect();
    for p in personal {
        let p = p.trim().to_lowercase();
        if p.is_empty() {
            continue;
        }
        // An e-mail's parts and a name's words are guessed separately.
        inputs.extend(p.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3).map(str::to_owned));
        inputs.push(p);
    }
    let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let estimate = zxcvbn::zxcvbn(password, &refs);
    if estimate.guesses_log10() >= MIN_GUESSES_LOG10 {
        return Ok(());
    }
    Err(match estimate.feedback().and_then(|f| f.warning()) {
        Some(Warning::StraightRowsOfKeysAreEasyToGuess | Warning::ShortKeyboardPatternsAreEasyToGuess) => {
            "password_keyboard_pattern"
        }
        Some(Warning::SequencesLikeAbcAreEasyToGuess) => "password_sequence",
        Some(Warning::RepeatsLikeAaaAreEasyToGuess | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess) => {
            "password_repeats"
        }
        Some(Warning::RecentYearsAreEasyToGuess | Warning::DatesAreOftenEasyToGuess) => "password_dates",
        Some(
            Warning::ThisIsATop10Password
            | Warning::ThisIsATop100Password
            | Warning::ThisIsACommonPassword
            | Warning::ThisIsSimilarToACommonlyUsedPassword,
        ) => "password_too_common",
        Some(
            Warning::AWordByItselfIsEasyToGuess
            | Warning::NamesAndSurnamesByThemselvesAreEasyToGuess
            | Warning::CommonNamesAndSurnamesAreEasyToGuess,
        ) => "password_words",
        _ => "password_too_weak",
    })
}

/// The whole policy: length and the short list ([`Password::parse`]), then the estimate.
pub fn parse(raw: &str, email: &str, personal: &[&str]) -> Result<Password, &'static str> {
    let password = Password::parse(raw, email)?;
    let mut words = vec![email];
    words.extend_from_slice(personal);
    check(password.expose(), &words)?;
    Ok(password)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weak_passwords_people_type_are_refused_with_a_reason() {
        for weak in [
            "123456789012345",
            "qwertyuiop123",
            "Qwerty123456!",
            "1q2w3e4r5t6y7u",
            "parolparol12",
            "qazaqstan2025",
            "йцукенгшщзхъ12",
        ] {
            assert!(check(weak, &[]).is_err(), "{weak} must be refused");
        }
        assert_eq!(check("parolparol12", &[]), Err("password_repeats"), "the reason is named");
    }

    #[test]
    fn a_password_made_of_the_persons_own_name_and_email_is_refused() {
        assert!(check("asel.zhumabaeva1987", &["asel.zhumabaeva@mail.kz", "Асель Жумабаева"]).is_err());
    }

    #[test]
    fn long_unusual_passphrases_pass() {
        for strong in ["steppe horses run at dawn", "Қызыл түлкі қарда жүгірді", "tram 7 smells of cardamom rain"]
        {
            assert_eq!(check(strong, &["someone@mail.kz"]), Ok(()), "{strong}");
        }
    }
}
