nav-catalogue = Каталог
nav-entitlements = Мои права
nav-orders = Мои заказы
nav-notifications = Уведомления
nav-unread = непрочитанных
acting-for-now = Вы действуете от имени: { $name }.
acting-for-switch = Действовать от имени
acting-for-show = Показать

unit-piece = { $count ->
    [one] { $count } штука
    [few] { $count } штуки
   *[many] { $count } штук
}
unit-hour = { $count ->
    [one] { $count } час
    [few] { $count } часа
   *[many] { $count } часов
}
unit-course = { $count ->
    [one] { $count } курс
    [few] { $count } курса
   *[many] { $count } курсов
}
unit_of-piece = { $count ->
    [one] { $count } штуки
   *[other] { $count } штук
}
unit_of-hour = { $count ->
    [one] { $count } часа
   *[other] { $count } часов
}
unit_of-course = { $count ->
    [one] { $count } курса
   *[other] { $count } курсов
}
unit_each-piece = штуку
unit_each-hour = час
unit_each-course = курс
order_status-placed = Оформлен
order_status-accepted = Принят поставщиком
order_status-scheduled = Запланирован
order_status-in_delivery = В доставке
order_status-delivered = Доставлен
order_status-rendered = Услуга оказана
order_status-confirmed = Подтверждён вами
order_status-rejected = Отклонён
order_status-cancelled = Отменён
order_status-returned = Возвращён
complaint_status-open = Открыта
complaint_status-answered = Есть ответ
complaint_status-closed = Закрыта
mode-in_person = Очно
mode-online = Онлайн
weekday-mon = Понедельник
weekday-tue = Вторник
weekday-wed = Среда
weekday-thu = Четверг
weekday-fri = Пятница
weekday-sat = Суббота
weekday-sun = Воскресенье

entitlements-title = Мои права
entitlements-lead = Что государство назначило вам по индивидуальной программе реабилитации, сколько осталось и что вы уже заказали.
entitlements-none = Сейчас у вас нет действующих прав. Они появятся здесь, когда будет загружена ваша индивидуальная программа реабилитации.
entitlements-other = Истёкшие или ещё не действующие
entitlements-remaining = Осталось
entitlements-remaining-of = { $remaining } из { $granted }
entitlements-valid = Действует
entitlements-valid-range = с { $from } по { $to }
entitlements-ceiling = Гарантированная сумма за единицу
entitlements-ipr = Программа реабилитации (ИПР)
entitlements-orders = Заказы по этому праву
entitlements-choose = Выбрать: { $item }

catalogue-title = Каталог
catalogue-results = Результаты
catalogue-found = { $count ->
    [one] Найдено { $count } предложение
    [few] Найдено { $count } предложения
   *[many] Найдено { $count } предложений
}
catalogue-nothing = Ничего не найдено. Уберите часть фильтров или выберите другой регион.
catalogue-price = { $price } (гарантированная сумма { $ceiling })
catalogue-you-pay = Ваша доплата { $amount } за единицу
catalogue-no-copay = Без доплаты: в пределах гарантированной суммы
catalogue-rating = Оценка { $rating } из 5 (отзывов: { $count })
catalogue-no-reviews = Отзывов пока нет
catalogue-lead-time = Доставка или начало в течение { $days } дн.
catalogue-serves-you = Работает в вашем регионе
catalogue-not-your-region = Не работает в вашем регионе
filters-title = Фильтры
filter-words = Слова
filter-category = Вид помощи
filter-item-type = Что
filter-any = Любое
filter-region = Регион обслуживания
filter-all-regions = Все регионы
filter-my-region = ваш регион
filter-price = Цена, тенге
filter-from = От
filter-to = До
filter-no-copay = Без доплаты для меня
filter-rating = Оценка
filter-rating-at-least = { $rating } и выше
filter-lead-time = Срок, дней, не больше
filter-sort = Сортировать
filter-apply = Показать
filter-clear = Сбросить фильтры
sort-price_asc = Сначала дешёвые
sort-price_desc = Сначала дорогие
sort-rating = По оценке
sort-lead_time = Сначала быстрые
sort-relevance = Сначала наиболее подходящие
catalogue-similar = Точно таких слов нет ни в одном предложении. Показаны предложения с похожими словами в названии.
catalogue-filters-ignored = Некоторые фильтры не применены: исправьте их рядом с полями.
err-q-too_long = Не больше 200 символов.
err-max_lead-out_of_range = Укажите число дней, начиная с 1.
err-min_rating-not_a_number = Выберите оценку из списка.
err-params-too_long = Параметры слишком длинные. Сбросьте фильтры и выберите заново.

offering-price = Цена:
offering-ceiling = Гарантированная сумма (платит государство):
offering-you-pay = Ваша доплата { $amount } за единицу, потому что цена выше гарантированной суммы { $ceiling }.
offering-no-copay = Вы ничего не доплачиваете: цена в пределах гарантированной суммы { $ceiling }.
offering-order = Заказать
offering-sign-in-to-order = Войдите, чтобы заказать
offering-description = Описание
offering-parameters = Параметры
offering-lead-time = Доставка или начало в течение { $days } дн.
offering-regions = Доступно в регионах:
offering-supplier = Поставщик: { $name }
offering-reviews = Отзывы получивших
offering-no-reviews = Отзывов пока нет.
supplier-approved-on = Одобрен министерством
supplier-delivered = Выполнено заказов
supplier-on-time = Выполнено в срок
supplier-complaints = Жалобы
supplier-regions = Регионы обслуживания
review-rating = { $rating } из 5
review-reply = Ответ поставщика:

order-start-title = Данные заказа
order-field-entitlement = Какое право вы используете?
order-entitlement-choice = { $ipr }: осталось { $remaining }, действует до { $until }
order-field-quantity = Количество
order-field-address = Адрес доставки
order-field-address-hint = Улица, дом, квартира и всё, что нужно знать курьеру.
order-field-region = Регион доставки
order-field-start-date = Первый день
order-field-weeks = На сколько недель
order-field-schedule = Часы по дням недели
order-field-schedule-hint = Не больше 8 часов в день. Дни без помощи оставьте пустыми.
order-field-mode = Как проводить занятия?
order-field-place = Место встречи
order-field-place-hint = Нужно для очных встреч.
order-field-session = Встреча { $n }
order-field-session-date = Дата
order-field-session-time = Начало
order-field-session-hours = Часов
order-field-arrival = Дата заезда
order-field-arrival-hint = Курс длится 14 дней.
order-slot = { $date } (свободно мест: { $free })
order-continue = Продолжить
order-check-title = Проверьте данные перед заказом
order-back-to-questions = Вернуться и изменить ответы
order-change = Изменить
order-item = Товар или услуга
order-supplier = Поставщик
order-entitlement = Право
order-quantity = Количество
order-for = Для кого
order-cost = Стоимость
order-total = Цена
order-total-of = { $price } × { $quantity } = { $total }
order-state-pays = Платит государство
order-you-pay = Платите вы
order-you-pay-plain = Вы доплачиваете { $copay } сами, потому что цена выше гарантированной суммы { $ceiling } за единицу.
order-nothing-to-pay = Вы ничего не платите: государство оплачивает всю цену.
order-confirm = Подтвердить и оформить заказ
order-detail-address = Адрес
order-detail-region = Регион
order-detail-start = Первый день
order-detail-weeks = Недель
order-detail-hours-per-week = Часов в неделю
order-detail-mode = Формат
order-detail-session = Встреча (дата, время — часов)
order-detail-arrival = Заезд
order-detail-scheduled = Назначенная дата

orders-title = Мои заказы
orders-none = Заказов пока нет.
order-number = Заказ
order-status = Статус
order-placed-on = Оформлен
order-due = Срок
order-title = Заказ { $number }
order-placed-title = Заказ оформлен
order-placed-number = Номер вашего заказа { $number }. Сохраните его для вопросов поставщику или в 1414.
order-placed-next = Поставщик должен принять или отклонить заказ до { $date }. Мы сообщим вам в разделе «Уведомления».
order-history = Что уже произошло
order-details = Данные заказа
order-placed-by = Оформил
order-by-representative = { $name }, законный представитель
order-event-by = — { $name }
timeline-done = Выполнено:
timeline-current = Сейчас:
timeline-next = Дальше:
timeline-accept-by = Поставщик принимает или отклоняет до { $date }
timeline-deliver-by = Поставщик доставляет до { $date }
timeline-confirm = Вы подтверждаете получение или сообщаете о проблеме
order-next-placed = Поставщик должен принять или отклонить заказ до { $accept_by }. До этого вы можете его отменить.
order-next-accepted = Поставщик принял заказ и должен доставить его до { $deliver_by }.
order-next-scheduled = Услуга запланирована; поставщик должен оказать её до { $deliver_by }.
order-next-in_delivery = Заказ в пути; поставщик должен доставить его до { $deliver_by }.
order-next-delivered = Проверьте полученное. Подтвердите получение или сообщите о проблеме.
order-next-rendered = Проверьте оказанные часы. Подтвердите их или сообщите о проблеме.
order-next-confirmed = Готово. Поставщик получит долю государства. Вы можете оставить отзыв.
order-next-rejected = Поставщик отклонил заказ. Право возвращено: выберите другого поставщика в каталоге.
order-next-cancelled = Вы отменили заказ. Право возвращено.
order-next-returned = Товар возвращён. Вашу жалобу рассматривает министерство.
order-cancel-title = Отменить заказ
order-cancel-text = Отменить можно, пока поставщик не принял заказ. Право возвращается сразу.
order-cancel = Отменить заказ
order-confirm-title = Вы получили заказ?
order-confirm-rendered-title = Услуга оказана?
order-field-hours-rendered = Сколько часов фактически оказано
order-confirm-receipt = Да, подтверждаю
order-report-title = Что-то не так?
order-field-problem = Опишите проблему
order-report = Сообщить о проблеме
order-review-title = Оставить отзыв
order-field-rating = Ваша оценка
order-field-review = Ваш отзыв
order-review = Опубликовать отзыв
order-your-review = Ваш отзыв
order-complaints = Ваши жалобы
complaint-due = Ответ до { $date }
complaint-supplier-answer = Ответ поставщика:
complaint-outcome = Решение министерства:

notifications-title = Уведомления
notifications-none = Уведомлений нет.
notifications-new = Новое
notifications-mark-read = Отметить все как прочитанные
notification-order_placed = Новый заказ { $number }.
notification-order_status = Заказ { $number }: { $status }.
notification-complaint_opened = Жалоба по заказу { $number }; ответить до { $due }.

done-placed = Заказ оформлен.
done-cancelled = Заказ отменён, право возвращено.
done-confirmed = Спасибо: получение подтверждено.
done-reported = Жалоба зарегистрирована. Ответ появится здесь.
done-reviewed = Спасибо за отзыв.
done-read = Все уведомления отмечены как прочитанные.

err-no_one_to_act_for = К вашей учётной записи ещё не привязана ничья запись. Подтвердите личность на странице «Подтвердите личность» (Учётная запись) кодом по SMS или письмом активации.
err-entitlement_not_available = Выберите одно из ваших действующих прав на этот товар.
err-entitlement_used_up = По этому праву ничего не осталось.
err-entitlement_expired = Срок вашего права на этот товар истёк.
err-no_entitlement_for_type = У вас нет права на этот вид товара или услуги.
err-entitlement-required = Выберите право, которое используете.
err-more_than_entitled = Это больше, чем осталось по праву.
err-over_capacity = Поставщик не может принять столько; уменьшите количество или выберите другого.
err-at_least_one = Введите не меньше 1.
err-not_a_number = Введите целое число.
err-not_a_date = Введите дату в виде 2026-12-01.
err-not_a_time = Введите время в виде 09:30.
err-date_not_in_future = Выберите дату начиная с завтрашнего дня.
err-date_after_entitlement = Эта дата позже окончания права.
err-weeks_out_of_range = Введите от 1 до 52 недель.
err-over_8_hours_a_day = Не больше 8 часов в день.
err-no_hours = Укажите часы хотя бы для одного дня.
err-hours_out_of_range = Введите от 1 до 8 часов.
err-region_not_served = Этот поставщик не работает в этом регионе.
err-no_places = На эту дату мест нет; выберите другую.
err-arrival-required = Выберите дату заезда.
err-mode-required = Выберите: очно или онлайн.
err-offering_unavailable = Это предложение больше недоступно. Выберите другое в каталоге.
err-no_draft = Сначала ответьте на вопросы.
err-stale_form = Страница устарела. Проверьте данные ещё раз.
err-already_placed = Этот заказ уже оформлен.
err-no_ceiling = Гарантированная сумма для этого товара ещё не установлена.
err-amount_too_large = Слишком большая сумма.
err-cannot_cancel_now = Поставщик уже принял заказ, отменить его нельзя.
err-cannot_confirm_now = Сейчас этот заказ подтвердить нельзя.
err-cannot_complain_now = О проблеме можно сообщить после того, как поставщик принял заказ.
err-order_changed = Заказ тем временем изменился; посмотрите его ещё раз.
err-review_needs_confirmed_order = Отзыв можно оставить после подтверждения получения.
err-already_reviewed = Вы уже оставили отзыв по этому заказу.
err-rating_out_of_range = Выберите оценку от 1 до 5.
err-hours-required = Укажите оказанные часы.
err-problem-required = Опишите проблему.
err-review-required = Напишите несколько слов о своём опыте.
notification-complaint_assigned = Вам назначена жалоба по заказу.
notification-complaint_closed = Министерство приняло решение по жалобе на заказ { $number }: { $outcome }
notification-offering_blocked = Министерство заблокировало ваше предложение «{ $title }»: { $reason }
notification-offering_unblocked = Министерство разблокировало ваше предложение «{ $title }». Его можно снова опубликовать.
