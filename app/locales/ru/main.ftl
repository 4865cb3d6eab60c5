portal-name = Портал социальных услуг
skip-to-content = Перейти к основному содержанию
footer-text = Министерство труда и социальной защиты населения Республики Казахстан. Контакт-центр 1414.
lang-switch = Язык
lang-kk = Қазақша
lang-ru = Русский
lang-en = English
nav-label = Основная навигация
nav-home = Главная
nav-dashboard = Личный кабинет
nav-audit = Журнал аудита
nav-sign-in = Войти
nav-sign-up = Зарегистрироваться
nav-sign-out = Выйти
error-summary-title = Есть ошибки
error-prefix = Ошибка:
select-choose = Выберите…
search-submit = Найти
back-home = На главную страницу

home-title = Средства реабилитации и услуги по вашему выбору
home-lead = Если государство назначило вам технические средства реабилитации, персонального ассистента, специалиста жестового языка или санаторно-курортное лечение, выберите поставщика и товар сами. Государство оплачивает до гарантированной суммы; доплату, если она есть, вы увидите до подтверждения.
home-categories = Что можно получить
category-tsr-about = Кресла-коляски, ходунки, протезы, слуховые аппараты, белые трости, дисплеи Брайля, гигиенические средства и средства ухода.
category-assistant-about = Помощь дома и вне дома для людей с инвалидностью первой группы, которым трудно передвигаться, до 8 часов в день.
category-sign_language-about = Перевод на жестовый язык, очно или онлайн, в часах на год.
category-sanatorium-about = Курс санаторно-курортного лечения на 14 дней в одном из санаториев страны.
home-offerings-count = { $count ->
    [one] { $count } предложение
    [few] { $count } предложения
   *[many] { $count } предложений
}
home-how = Как это работает
home-step-1 = Войдите: ваши права из индивидуальной программы реабилитации уже в кабинете.
home-step-2 = Выберите поставщика и товар в своём регионе; сравните цену с гарантированной суммой.
home-step-3 = Следите за заказом до доставки, затем подтвердите получение и оставьте отзыв.

sign-in-title = Вход
field-email = Электронная почта
field-password = Пароль
sign-in-submit = Войти
sign-in-no-account = Ещё нет учётной записи?

sign-up-title = Регистрация
sign-up-recipient-title = Я получаю реабилитационную помощь
sign-up-recipient-about = Для человека с инвалидностью, а также родителя или опекуна, действующего за него.
sign-up-recipient-lead = После подтверждения почты вы подтверждаете, что ИИН ваш (код по SMS на телефон из вашей записи или письмо регионального управления); затем ваши права появятся в личном кабинете.
sign-up-supplier-title = Я поставляю товары или услуги
sign-up-supplier-about = Для организаций и индивидуальных предпринимателей. Министерство проверит ваши данные, прежде чем предложения появятся в каталоге.
sign-up-supplier-lead = После регистрации заполните профиль организации и отправьте его на проверку.
field-full-name = ФИО
field-iin = ИИН
field-iin-hint = 12 цифр, как в удостоверении личности.
field-region = Регион проживания
field-supplier-region = Регион регистрации
field-password-hint = Не меньше 12 символов. Несколько не связанных слов легко запомнить и трудно подобрать.
field-organisation = Наименование организации
field-bin = БИН (или ИИН индивидуального предпринимателя)
field-bin-hint = 12 цифр.
sign-up-submit = Зарегистрироваться

dashboard-title = Личный кабинет
dashboard-open-entitlements = Доступные права
dashboard-active-orders = Заказы в работе
dashboard-acting-for = Вы представляете
dashboard-supplier-status = Статус:
dashboard-reason = Причина:
dashboard-published-offerings = Опубликованные предложения
dashboard-open-orders = Заказы, ожидающие вас
dashboard-supplier-draft = Заполните профиль и отправьте его на проверку.
dashboard-supplier-pending = Министерство проверяет ваши данные. Профиль пока можно редактировать.
dashboard-supplier-approved = Вы одобрены: опубликованные предложения видны в каталоге.
dashboard-supplier-rejected = Заявка отклонена. Исправьте данные и отправьте снова.
dashboard-supplier-suspended = Ваша деятельность приостановлена: предложения скрыты. Открытые заказы доступны для просмотра.
dashboard-supplier-removed = Вы исключены с портала. Открытые заказы доступны для просмотра.
dashboard-staff-central = Вы работаете в центральном аппарате: вся страна.
dashboard-staff-regional = Вы работаете по региону: { $region }.
dashboard-pending-suppliers = Поставщики, ожидающие решения
dashboard-open-complaints = Открытые жалобы

supplier_status-draft = Черновик
supplier_status-pending = На проверке
supplier_status-approved = Одобрен
supplier_status-rejected = Отклонён
supplier_status-suspended = Приостановлен
supplier_status-removed = Исключён

not-found-title = Страница не найдена
not-found-text = Если вы вводили адрес вручную, проверьте его. Если вы перешли по ссылке, она могла устареть.
error-title = Извините, что-то пошло не так
error-text = Сохранённые данные не потеряны. Попробуйте ещё раз через несколько минут. Если ошибка повторится, позвоните 1414.

audit-title = Журнал аудита
audit-search = Поиск по действию, объекту или причине
audit-empty = Записей не найдено.
audit-when = Когда
audit-who = Кто
audit-what = Действие
audit-object = Объект
audit-why = Причина

done-signed_out = Вы вышли из системы.
done-signed_up = Учётная запись создана.

err-invalid = Проверьте выделенные поля.
err-unexpected = На нашей стороне произошла ошибка. Сохранённые данные не потеряны; попробуйте ещё раз.
err-not_signed_in = Войдите, чтобы продолжить.
err-forbidden = Вашей учётной записи это недоступно.
err-not_found = Ничего не найдено.
err-too_many_attempts = Слишком много неудачных попыток. Подождите несколько минут и попробуйте снова.
err-bad_request = Форма заполнена не полностью. Заполните её ещё раз.
err-cross_site = Форма отправлена с другого сайта и отклонена.
err-required = Заполните это поле.
err-too_long = Слишком длинное значение.
err-invalid_email = Введите адрес электронной почты в виде name@example.kz.
err-not_12_digits = Введите ровно 12 цифр.
err-bad_checksum = В номере неверная контрольная цифра. Сверьте его с документом.
err-bad_date = Первые шесть цифр не образуют правильную дату рождения.
err-bad_structure = Это не БИН. Сверьте его со справкой о регистрации.
err-password_too_short = Пароль должен быть не короче 12 символов.
err-password_too_long = Пароль должен быть не длиннее 128 символов.
err-password_too_common = Этот пароль слишком легко подобрать. Выберите другой.
err-bad_credentials = Неверный адрес электронной почты или пароль.
err-account_disabled = Эта учётная запись не может войти. Позвоните 1414.
err-email_taken = Учётная запись с этим адресом уже есть. Войдите.
err-iin_taken = Для этого ИИН уже есть учётная запись. Войдите или позвоните 1414, если она не ваша.
err-bin_taken = Поставщик с этим номером уже зарегистрирован.
err-unknown_region = Выберите регион из списка.
err-email-required = Введите адрес электронной почты.
err-password-required = Введите пароль.
err-full_name-required = Введите ФИО.
err-iin-required = Введите ИИН.
err-region-required = Выберите регион.
err-organisation-required = Введите наименование организации.
err-bin-required = Введите БИН или ИИН.

pager-label = Страницы
pager-previous = Предыдущая страница
pager-next = Следующая страница
pager-page = Страница { $page }
pager-position = Страница { $page } из { $pages }
open-data-title = API открытых данных
open-data-intro = Открытые данные портала для других информационных систем, исследователей и организаций людей с инвалидностью: каталог, предложения, справочники, одобренные поставщики и статистика обеспечения. Вход не нужен; каждый клиент может делать ограниченное число запросов в минуту.
open-data-contract = Описание интерфейса: OpenAPI 3.1 (JSON)
open-data-rules = Суммы указаны в тиынах (1/100 тенге). Списки листаются параметрами cursor и limit. Статистика о менее чем { $n } людях не публикуется.
open-data-endpoints = Адреса
open-data-method = Метод
open-data-path = Адрес
open-data-what = Что возвращает (на английском)

# Names of values the portal keeps (every enum value has one in each language).
account_status-active = Действует
account_status-locked = Заблокирована
account_status-disabled = Отключена
supplier_kind-legal_entity = Юридическое лицо
supplier_kind-entrepreneur = Индивидуальный предприниматель
disability_group-1 = Первая группа
disability_group-2 = Вторая группа
disability_group-3 = Третья группа
disability_group-child = Ребёнок с инвалидностью
