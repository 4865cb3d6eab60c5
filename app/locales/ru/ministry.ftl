# Путь министерства: одобрение поставщиков, каталог и гарантированные суммы, импорт ИПАР,
# жалобы, панель обеспеченности, журнал аудита и учётные записи сотрудников.

nav-staff-suppliers = Поставщики
nav-staff-complaints = Жалобы
nav-staff-imports = Импорт прав
nav-staff-provision = Обеспеченность
nav-staff-catalogue = Гарантированные суммы
nav-admin-staff = Сотрудники

staff-scope-country = Вы видите всю страну.
staff-scope-region = Вы видите только: { $region }.
staff-status = Статус
staff-reason = Причина
staff-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
    [many] { $count } дней
   *[other] { $count } дня
}
staff-months = { $count ->
    [one] { $count } месяц
    [few] { $count } месяца
    [many] { $count } месяцев
   *[other] { $count } месяца
}
staff-all-regions = Все регионы
staff-filter-region = Регион регистрации
staff-item-type = Вид средства или услуги
staff-price = Цена
staff-ceiling = Гарантированная сумма
staff-above-ceiling = выше гарантированной суммы
staff-code = Код
staff-code-hint = Строчные латинские буквы, цифры и подчёркивания, например invataxi. Потом код не меняется.
staff-category = Категория
staff-name-kk = Название на казахском
staff-name-ru = Название на русском
staff-name-en = Название на английском
staff-active = Можно заказать
staff-inactive = Не используется
staff-order = Заказ
staff-order-status = Статус заказа
staff-filed = Подана
staff-due = Ответить до
staff-assigned = Исполнитель
staff-overdue = Просрочено
staff-due-today = Срок сегодня
staff-days-left = { $count ->
    [one] остался { $count } день
    [few] осталось { $count } дня
    [many] осталось { $count } дней
   *[other] осталось { $count } дня
}
staff-overdue-days = { $count ->
    [0] Просрочено с сегодняшнего дня
    [one] просрочено на { $count } день
    [few] просрочено на { $count } дня
    [many] просрочено на { $count } дней
   *[other] просрочено на { $count } дня
}

staff-suppliers-title = Поставщики
staff-suppliers-tabs = Поставщики по статусу
staff-suppliers-search = Название или БИН
staff-suppliers-count = { $count ->
    [one] { $count } поставщик
    [few] { $count } поставщика
    [many] { $count } поставщиков
   *[other] { $count } поставщика
}
staff-supplier-kind = Поставщик
staff-supplier-name = Название
staff-supplier-bin = БИН или ИИН
staff-supplier-region = Регион
staff-supplier-applied = Заявка подана
staff-supplier-waiting = Ожидает
staff-supplier-documents = Документы
staff-supplier-kind-label = Организационная форма
staff-supplier-kind-legal_entity = Юридическое лицо
staff-supplier-kind-entrepreneur = Индивидуальный предприниматель
staff-supplier-served = Обслуживаемые регионы
staff-supplier-categories = Категории
staff-supplier-address = Юридический адрес
staff-supplier-contact = Контактное лицо
staff-supplier-phone = Телефон
staff-supplier-email = Электронная почта
staff-supplier-no-documents = Поставщик ещё не загрузил документы.
staff-supplier-offerings = Предложения
staff-supplier-no-offerings = Предложений пока нет.
staff-supplier-history = Принятые решения
staff-supplier-no-history = Решений пока не было.
staff-back-to-suppliers = Назад к поставщикам
staff-document-kind = Документ
staff-document-file = Файл
staff-document-size = Размер
staff-document-uploaded = Загружен
staff-document-registration = Свидетельство о государственной регистрации
staff-document-licence = Лицензия
staff-document-certificate = Сертификат соответствия
staff-document-other = Другой документ
staff-decision-title = Ваше решение
staff-decision-legend = Какое решение вы принимаете?
staff-decision-approve = Одобрить: опубликованные предложения появятся в каталоге
staff-decision-reject = Отказать: поставщик может исправить данные и подать заявку снова
staff-decision-suspend = Приостановить: предложения скрываются, сеансы завершаются; открытые заказы остаются видны
staff-decision-reinstate = Восстановить: опубликованные предложения снова появятся
staff-decision-remove = Исключить с портала навсегда: предложения снимаются
staff-decision-reason = Причина
staff-decision-reason-hint = Поставщик увидит этот текст. Обязательна для всех решений, кроме одобрения.
staff-decision-submit = Записать решение

staff-offering-kind = Предложение
staff-offering-title = Предложение
staff-offering-supplier = Поставщик
staff-offering-regions = Где предлагается
staff-offering-params = Параметры
staff-offering-description = Описание
staff-offering-status-draft = Черновик
staff-offering-status-published = Опубликовано
staff-offering-status-withdrawn = Снято
staff-offering-status-blocked = Заблокировано
staff-block-title = Заблокировать предложение
staff-unblock-title = Разблокировать предложение
staff-moderation-reason = Причина
staff-moderation-reason-hint = Поставщик увидит этот текст, например, какой параметр вводит в заблуждение.
staff-block-submit = Заблокировать предложение
staff-unblock-submit = Разблокировать: поставщик сможет опубликовать его снова

staff-catalogue-title = Виды средств и гарантированные суммы
staff-catalogue-lead = Гарантированная сумма, действующая сегодня, и следующая объявленная. Каждое изменение сохраняется в истории и журнале аудита; заказ использует сумму, действовавшую в день его оформления.
staff-catalogue-read-only = Каталог изменяют только сотрудники центрального аппарата; вы можете его просматривать.
staff-new-item-type = Новый вид
staff-new-category = Новая категория
staff-new-category-lead = Новая категория, например InvaTaxi, с названиями на трёх языках.
staff-add-category-submit = Добавить категорию
staff-unit-label = Единица учёта
staff-kind-label = Вид помощи
category_kind-goods = Товары: доставка по адресу со склада поставщика
category_kind-hours = Часы: время специалиста по недельному графику
category_kind-sessions = Сеансы: в выбранные даты, очно или онлайн
category_kind-course = Курс: пребывание с даты заезда, места на установленные даты
staff-unit-piece = Штуки
staff-unit-hour = Часы
staff-unit-course = Курсы
staff-replacement = Срок замены
staff-replacement-hint = Целое число месяцев от 1 до 240. Оставьте пустым, если средство не заменяется.
staff-ceiling-now = Гарантированная сумма сегодня
staff-ceiling-next = Следующее изменение
staff-ceiling-from = { $amount } с { $date }
staff-ceilings-title = Гарантированные суммы
staff-ceilings-lead = Сумма действует со своей даты до начала следующей. Прошлые суммы никогда не меняются.
staff-ceiling-valid-from = Действует с
staff-ceiling-valid-from-hint = Сегодня или более поздняя дата.
staff-ceiling-amount = Гарантированная сумма за единицу, тенге
staff-amount-hint = Например, 186450.00
staff-ceiling-in-force = Действует
staff-ceiling-future = Объявлена
staff-ceiling-past = Заменена
staff-ceiling-entered-by = Кто внёс
staff-ceiling-reference-data = Справочные данные
staff-new-ceiling = Новая гарантированная сумма
staff-add-ceiling-submit = Добавить гарантированную сумму
staff-edit-item-type = Названия, срок замены и параметры
staff-param-schema = Параметры (JSON)
staff-param-schema-hint = Что должно указывать каждое предложение. Список параметров: у каждого ключ (key), название на kk, ru и en (label) и вид (kind): "int" с min и max или "choice" с вариантами (options).
staff-active-legend = Можно ли заказывать и загружать из файлов ИПАР?
staff-active-yes = Да
staff-active-no = Нет, больше не используется
staff-save-item-type = Сохранить вид
staff-back-to-catalogue = Назад к видам средств

staff-imports-title = Импорт прав из ИПАР
staff-imports-lead = Загрузите права из индивидуальных программ абилитации и реабилитации (ИПАР). Каждая строка проверяется; в отчёте видно, что загружено и почему строка отклонена. Повторная загрузка того же файла ничего не меняет.
staff-imports-file = Файл ИПАР (CSV или JSON)
staff-imports-file-hint = Столбцы: ИИН, номер ИПАР, код вида, количество или часы, действует с, действует по. До 20 000 строк или 5 МБ.
staff-imports-submit = Импортировать
staff-imports-format = Как выглядит файл
staff-imports-format-csv = CSV в UTF-8, разделители — точка с запятой, запятая или табуляция, первая строка — заголовок (названия столбцов на английском, русском или казахском):
staff-imports-format-json = JSON: массив строк или объект с "lines"; в каждой строке iin, ipr_number, item_type, quantity, valid_from и valid_to. Другая информационная система отправляет тот же JSON на POST /api/v1/ipr-lines со своим ключом.
staff-imports-format-rules = Даты в виде 2026-01-15 или 15.01.2026. Строка для ИИН без учётной записи сохраняется и появится, когда человек зарегистрируется.
staff-imports-codes = Коды видов средств
staff-imports-recent = Последние загрузки
staff-imports-none = Загрузок пока не было.
staff-imports-file-name = Файл
staff-imports-lines = Строк
staff-imports-accepted = Загружено
staff-imports-unchanged = Уже были загружены
staff-imports-refused = Отклонено
staff-back-to-imports = Назад к импорту
staff-import-report-title = Отчёт об импорте
staff-import-report-lead = Файл { $file }, загружен { $at }, загрузил { $by }.
staff-import-deferred = { $count ->
    [one] { $count } строка относится к человеку без учётной записи: она появится после его регистрации.
    [few] { $count } строки относятся к людям без учётной записи: они появятся после регистрации.
    [many] { $count } строк относятся к людям без учётной записи: они появятся после регистрации.
   *[other] { $count } строки относятся к людям без учётной записи: они появятся после регистрации.
}
staff-import-no-refused = Ни одна строка не отклонена.
staff-import-refused-title = Отклонённые строки
staff-import-loaded-title = Загруженные и ранее загруженные строки
staff-import-more = Ещё строк не показано: { $count }; они учтены в итогах выше.
staff-line = Строка
staff-line-iin = ИИН
staff-line-ipr = Номер ИПАР
staff-line-outcome = Результат
staff-line-note = Примечание
staff-line-accepted = Загружена
staff-line-unchanged = Уже была загружена
staff-line-refused = Отклонена
staff-line-deferred = Учётной записи пока нет
staff-line-reason-bad_iin = Неверный ИИН.
staff-line-reason-bad_phone = Номер телефона не является казахстанским мобильным (+7 7XX XXX XX XX).
staff-line-reason-ipr_number_missing = Не указан номер ИПАР.
staff-line-reason-ipr_number_too_long = Номер ИПАР длиннее 64 символов.
staff-line-reason-unknown_item_type = Нет вида средства с таким кодом.
staff-line-reason-item_type_inactive = Этот вид средства больше не используется.
staff-line-reason-bad_quantity = Количество должно быть целым числом от 1 до 100 000.
staff-line-reason-bad_valid_from = Дата начала указана неверно.
staff-line-reason-bad_valid_to = Дата окончания указана неверно.
staff-line-reason-valid_to_before_valid_from = Дата окончания раньше даты начала.
staff-line-reason-expired = Срок программы уже истёк.
staff-line-reason-duplicate_in_file = Такая же строка уже есть выше в файле.
staff-line-reason-differs_from_loaded = Эта строка ИПАР уже загружена с другим количеством или сроками; исправьте вручную.
staff-line-reason-outside_region = Человек живёт в другом регионе.
staff-line-reason-region_unknown = Регион человека пока неизвестен; такие строки загружает центральный аппарат.

staff-complaints-title = Жалобы
staff-complaints-tabs = Жалобы по статусу
staff-complaints-open = Не закрытые
staff-complaints-closed = Закрытые
staff-complaints-all = Все
staff-complaints-search = Номер заказа
staff-assigned-filter = Исполнитель
staff-assigned-anyone = Любой
staff-assigned-me = Назначены мне
staff-assigned-nobody = Не назначены
staff-complaints-count = { $count ->
    [one] { $count } жалоба
    [few] { $count } жалобы
    [many] { $count } жалоб
   *[other] { $count } жалобы
}
staff-complaints-overdue = { $count ->
    [one] Срок ответа истёк у { $count } жалобы.
   *[other] Срок ответа истёк у { $count } жалоб.
}
staff-complaint-status-open = Открыта
staff-complaint-status-answered = Поставщик ответил
staff-complaint-status-closed = Закрыта
staff-complaint-kind = Жалоба
staff-complaint-about = Жалоба по заказу { $number }
staff-complaint-overdue-notice = Срок ответа на эту жалобу истёк.
staff-complaint-recipient = Получатель
staff-complaint-recorded = Ваш просмотр этих персональных данных записан в журнал аудита.
staff-recipient-name = ФИО
staff-recipient-iin = ИИН
staff-complaint-body = Что написал получатель
staff-complaint-response = Ответ поставщика
staff-complaint-no-response = Поставщик ещё не ответил.
staff-complaint-outcome = Итог
staff-complaint-notes = Заметки сотрудников
staff-complaint-no-notes = Заметок пока нет.
staff-assign-title = Ответственный сотрудник
staff-officer = Сотрудник
staff-assign-submit = Назначить
staff-note-title = Добавить заметку
staff-note-label = Заметка
staff-note-hint = Заметки видят только сотрудники министерства.
staff-note-submit = Добавить заметку
staff-close-title = Закрыть жалобу
staff-outcome-label = Итог
staff-outcome-hint = Получатель и поставщик увидят этот текст: что установлено и что будет дальше.
staff-close-submit = Закрыть жалобу
staff-back-to-complaints = Назад к жалобам
staff-order-status-placed = Оформлен
staff-order-status-accepted = Принят
staff-order-status-scheduled = Запланирован
staff-order-status-in_delivery = Доставляется
staff-order-status-delivered = Доставлен
staff-order-status-rendered = Услуга оказана
staff-order-status-confirmed = Получение подтверждено
staff-order-status-rejected = Отклонён поставщиком
staff-order-status-cancelled = Отменён
staff-order-status-returned = Возвращён

provision-title = Обеспеченность по регионам
provision-from = С
provision-to = По
provision-show = Показать
provision-period = Период: с { $from } по { $to }.
provision-computed-at = Данные на { $at }; изменения отражаются в течение минуты.
provision-csv = Скачать CSV (Excel)
provision-total-country = Казахстан
provision-total-region = Весь регион
provision-region-unknown = Регион пока неизвестен
provision-people-entitled = Имеют право
provision-entitlements = Прав
provision-ordered = Заказано
provision-delivered = Предоставлено
provision-people-provided = Обеспечено человек
provision-rate = Обеспеченность
provision-median-days = Медиана дней до предоставления
provision-overdue = Просроченные заказы
provision-state-paid = Оплачено государством
provision-how = Как считаются эти числа
provision-how-entitled = Имеют право: люди, у которых право действовало хотя бы один день периода. Заказано и предоставлено считаются по этим правам на конец периода.
provision-how-delivered = Предоставлено: заказ доставлен, услуга оказана или получение подтверждено. Обеспеченность: обеспечено человек ÷ имеют право.
provision-how-median = Медиана дней до предоставления: от начала действия права до первого предоставления, по предоставленным правам.
provision-how-overdue = Просроченные заказы: оформленные в периоде заказы, у которых сейчас истёк срок принятия или доставки. Оплачено государством: доля государства в заказах, предоставленных в периоде.
provision-by-region = По регионам, сначала с наименьшей обеспеченностью
provision-chart-caption = Обеспеченность по регионам
provision-chart-label = Столбчатая диаграмма обеспеченности по регионам, сначала наименьшая. Те же числа — в таблице ниже.
provision-no-data = нет получателей
provision-regions-caption = Обеспеченность по регионам
provision-region = Регион
provision-by-category = По категориям
provision-categories-caption = Обеспеченность по категориям
provision-category = Категория
provision-csv-group = Группа
provision-csv-code = Код
provision-csv-name = Название
provision-csv-total = Итого
provision-csv-region = Регион
provision-csv-category = Категория

audit-lead = Все решения сотрудников, импорт, изменения гарантированных сумм и просмотры персональных данных получателей. Записи нельзя изменить или удалить.
audit-action-filter = Вид действия
audit-any-action = Любое
audit-actor-filter = Кто (электронная почта)
audit-older = Более ранние записи
audit-kind-supplier = Решения по поставщикам
audit-kind-offering = Блокировки предложений
audit-kind-item_type = Изменения видов средств
audit-kind-complaint = Работа с жалобами
audit-kind-staff = Учётные записи сотрудников
audit-action-supplier-approve = Поставщик одобрен
audit-action-supplier-reject = Поставщику отказано
audit-action-supplier-suspend = Поставщик приостановлен
audit-action-supplier-reinstate = Поставщик восстановлен
audit-action-supplier-remove = Поставщик исключён
audit-action-offering-block = Предложение заблокировано
audit-action-offering-unblock = Предложение разблокировано
audit-action-ceiling-add = Добавлена гарантированная сумма
audit-action-item_type-create = Создан вид средства
audit-action-item_type-update = Изменён вид средства
audit-action-category-create = Создана категория
audit-action-ipr-import = Импорт строк ИПАР
audit-action-complaint-assign = Жалоба назначена
audit-action-complaint-close = Жалоба закрыта
audit-action-recipient-view = Просмотр персональных данных получателя
audit-action-staff-create = Создана учётная запись сотрудника
audit-action-staff-disable = Учётная запись сотрудника отключена
audit-action-staff-enable = Учётная запись сотрудника включена
audit-action-account-disable = Учётная запись отключена

admin-staff-title = Учётные записи сотрудников
admin-name = ФИО
admin-role-label = Роль
admin-role-staff = Сотрудник министерства
admin-role-admin = Администратор
admin-region = Подразделение
admin-region-hint = Центральный аппарат видит всю страну; региональное управление — только свой регион.
admin-central = Центральный аппарат (вся страна)
admin-last-sign-in = Последний вход
admin-actions = Действия
admin-status-active = Активна
admin-status-disabled = Отключена
admin-disable = Отключить
admin-enable = Включить
admin-new-staff = Новая учётная запись сотрудника
admin-password = Первый пароль
admin-password-hint = Не короче 12 символов. Передайте его лично, не по электронной почте.
admin-create-submit = Создать учётную запись

done-supplier_approve = Поставщик одобрен. Его опубликованные предложения теперь видны в каталоге.
done-supplier_reject = Поставщику отказано. Он видит вашу причину.
done-supplier_suspend = Поставщик приостановлен. Его предложения скрыты, сеансы завершены.
done-supplier_reinstate = Поставщик восстановлен.
done-supplier_remove = Поставщик исключён с портала.
done-offering_blocked = Предложение заблокировано. Поставщик видит вашу причину.
done-offering_unblocked = Предложение разблокировано. Поставщик может опубликовать его снова.
done-item_type_saved = Вид средства сохранён.
done-ceiling_added = Гарантированная сумма добавлена.
done-category_added = Категория добавлена.
done-imported = Файл загружен. Отчёт ниже.
done-complaint_assigned = Жалоба назначена.
done-note_added = Заметка добавлена.
done-complaint_closed = Жалоба закрыта. Получатель и поставщик видят итог.
done-staff_created = Учётная запись создана. Передайте первый пароль лично.
done-staff_disabled = Учётная запись отключена, её сеансы завершены.
done-staff_enabled = Учётная запись включена.

err-supplier_decision-required = Выберите решение.
err-decision_reason-required = Укажите причину решения.
err-decision_not_open = Это решение невозможно при текущем статусе поставщика. Возможно, решение уже принято; обновите страницу.
err-offering_action-required = Выберите: заблокировать или разблокировать.
err-moderation_reason-required = Укажите причину.
err-offering_already_blocked = Предложение уже заблокировано.
err-offering_not_blocked = Предложение не заблокировано.
err-offering_status_changed = Предложение за это время изменилось. Обновите страницу.
err-code-bad_code = Используйте от 2 до 32 строчных латинских букв, цифр и подчёркиваний, начиная с буквы.
err-cat_code-bad_code = Используйте от 2 до 32 строчных латинских букв, цифр и подчёркиваний, начиная с буквы.
err-code-code_taken = Этот код уже используется.
err-cat_code-code_taken = Этот код уже используется.
err-category-required = Выберите категорию.
err-unit-required = Выберите единицу учёта.
err-cat_unit-required = Выберите единицу учёта.
err-active-required = Укажите, можно ли заказывать.
err-replacement_months-months_out_of_range = Введите число месяцев от 1 до 240.
err-replacement_months-not_a_whole_number = Введите целое число месяцев.
err-param_schema-bad_json = Это не корректный JSON.
err-param_schema-bad_schema = У каждого параметра нужны ключ, название на kk, ru и en и вид: "int" с min ≤ max или "choice" с подписанными вариантами.
err-ceiling-required = Введите гарантированную сумму.
err-ceiling-not_an_amount = Введите сумму в тенге, например 186450.00.
err-ceiling-too_large = Слишком большая сумма.
err-ceiling_amount-required = Введите гарантированную сумму.
err-ceiling_amount-not_an_amount = Введите сумму в тенге, например 186450.00.
err-ceiling_amount-too_large = Слишком большая сумма.
err-ceiling_from-required = Введите дату начала действия.
err-ceiling_from-bad_date_format = Введите дату в виде 2026-01-15.
err-ceiling_valid_from-required = Введите дату начала действия.
err-ceiling_valid_from-bad_date_format = Введите дату в виде 2026-01-15.
err-ceiling_valid_from-ceiling_in_past = Дата должна быть сегодняшней или более поздней: прошлые суммы не меняются.
err-ceiling_valid_from-ceiling_date_taken = С этой даты уже действует другая гарантированная сумма.
err-period_from-bad_date_format = Введите первый день в виде 2026-01-01.
err-period_to-bad_date_format = Введите последний день в виде 2026-12-31.
err-period_to-period_reversed = Последний день должен быть позже первого.
err-ipr_file-file_required = Выберите файл для импорта.
err-ipr_file-file_empty = Файл пуст.
err-ipr_file-file_too_large = Файл больше 5 МБ. Разделите его на несколько файлов.
err-ipr_file-not_utf8 = Файл не в кодировке UTF-8. Сохраните его как «CSV UTF-8».
err-ipr_file-bad_file = Файл не удалось прочитать как CSV или JSON.
err-ipr_file-bad_header = В первой строке должны быть столбцы ИИН, номер ИПАР, код вида, количество, действует с и действует по.
err-ipr_file-too_many_lines = В файле больше 20 000 строк. Разделите его на несколько файлов.
err-complaint_officer-required = Выберите сотрудника.
err-complaint_officer-officer_not_eligible = Этот сотрудник не может вести жалобы этого региона.
err-complaint_note-required = Напишите заметку.
err-complaint_outcome-required = Напишите итог.
err-complaint_closed = Жалоба уже закрыта.
err-staff_name-required = Введите ФИО.
err-staff_email-required = Введите адрес электронной почты.
err-staff_password-required = Введите первый пароль.
err-staff_role-required = Выберите роль.
err-staff_region-admin_has_no_region = Администратор работает в центральном аппарате: выберите «Центральный аппарат».
err-cannot_disable_self = Нельзя отключить собственную учётную запись.
