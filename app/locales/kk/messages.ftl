messages-title = Портал сізге қалай жазады
messages-lead = Тапсырыстарыңыз, шағымдарыңыз және министрлік шешімдері туралы қалай және қай тілде білгіңіз келетінін таңдаңыз. Кіру мен құпиясөзді ауыстыруға арналған кодтар мен сілтемелер, мұнда не таңдасаңыз да, әрқашан поштаңызға немесе телефоныңызға келеді.
messages-channels = Маған хабарлау
messages-channels-hint = Кемінде біреуін таңдаңыз.
messages-by-email = Электрондық поштамен: { $email }
messages-by-sms = SMS арқылы, соңы { $phone } болатын телефонға
messages-in-app = Портал хабарламаларында
messages-no-phone = Бізде телефон нөміріңіз жоқ, сондықтан SMS жіберу мүмкін емес. Алушылардың нөмірі мемлекеттік жазбадан, жеткізушілердікі ұйым профилінен алынады.
messages-language = Порталдың, хаттардың және SMS-тің тілі
messages-format = Хаттардың түрі
messages-format-hint = Ірі мәтінді телефонда немесе ұлғайтқышпен оқу оңай; қарапайым мәтін экраннан оқу бағдарламаларына және баяу байланысқа ыңғайлы.
messages-save = Таңдауымды сақтау
done-preferences_saved = Таңдауыңыз сақталды.
email_format-rich = Ірі, оқуға ыңғайлы мәтін және қарапайым мәтіндік көшірме
email_format-plain = Тек қарапайым мәтін
err-no_channel = Портал хабарларын алудың кемінде бір тәсілін таңдаңыз.
err-no_phone = Бізде телефон нөміріңіз жоқ, сондықтан SMS таңдау мүмкін емес.
err-unknown_channel = Тізімдегі тәсілдердің бірін таңдаңыз.
err-unknown_language = Үш тілдің бірін таңдаңыз.
err-unknown_format = Хаттардың түрін таңдаңыз.
msg-notice-subject = Әлеуметтік қызметтер порталы: сізге жаңалық
msg-notice-text =
    Сәлеметсіз бе!

    { $text }

    Порталда ашыңыз:

    { $link }

    Портал сізге қалай жазатынын мына жерден таңдай аласыз: { $settings }
msg-notice-sms = Әлеуметтік қызметтер порталы: { $text } { $link }
notification-accept_soon = { $number } тапсырысын { $date } дейін қабылдау не қабылдамау керек.
notification-accept_overdue = { $number } тапсырысын қабылдау мерзімі { $date } өтті.
notification-deliver_soon = { $number } тапсырысын { $date } дейін жеткізу керек.
notification-deliver_overdue = { $number } тапсырысын жеткізу мерзімі { $date } өтті.
notification-confirm_waiting = { $number } тапсырысы { $date } жеткізілді. Алғаныңызды растаңыз немесе шағым беріңіз.
notification-entitlement_expiring = «{ $item }» құқығыңыз { $date } аяқталады, пайдаланылмағаны: { $count }.
notification-replacement_due = { $number } тапсырысы бойынша «{ $item }» ауыстыру мерзімі өтті: сізге жаңасы тиесілі болуы мүмкін.
notification-complaint_escalated = { $number } тапсырысы бойынша шағым мерзімінде ({ $date }) қаралмай, орталық аппаратқа берілді.
notification-staff_digest = Сіздің өңіріңізде мерзімі өткен жұмыс: мерзімі өткен шағымдар саны — { $count }.
