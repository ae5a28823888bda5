# Interface strings of the default theme (Bulgarian).

site-title = Vielfalt
skip-to-content = Към съдържанието
language-nav-label = Език
main-nav-label = Главно меню
all-languages = Всички езици
accessibility-statement = Декларация за достъпност
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = Декларация за достъпност
feed-link = Абонирайте се за новините чрез емисия
feed-title = Новини – { $site }
published = Публикувано на
updated = актуализирано на
entries-count =
    { $count ->
        [one] { $count } публикация
       *[other] { $count } публикации
    }
pagination-label = Страници
pagination-previous = Предишна страница
pagination-next = Следваща страница
pagination-page = Страница { $number }
pagination-status = Страница { $number } от { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = Тази страница все още не е налична на български език. Тук четете версията ѝ на език:
outdated-notice = Оригиналът на тази страница е променен, след като е създадена тази версия. Възможно е тя вече да не е актуална.
outdated-link = Прочетете актуалния оригинал на език:
unreviewed-notice =
    { $method ->
        [machine] Този превод е машинен и все още не е проверен от носители на езика.
       *[human] Този превод все още не е проверен от носители на езика.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] Този текст е написан от компютърна програма. Хора от целевата група все още не са го проверили.
       *[human] Хора от целевата група все още не са проверили този текст.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] Този текст е написан от компютърна програма. Хора от целевата група все още не са го проверили.
       *[human] Хора от целевата група все още не са проверили този текст.
    }
unreviewed-link = Прочетете оригинала на език:
variant-easy = Лесно за четене
    .link = Тази страница в лесен за четене формат
variant-plain = Ясен език
    .link = Тази страница на ясен език
variant-original = Тази страница на стандартен език
variant-original-easy = Тази страница на стандартен език

chooser-title = Изберете език
chooser-prompt = Четете на български
not-found-title = Страницата не е намерена
not-found-text = Тази страница не съществува.
not-found-home = Към началната страница на български

glossary-intro-easy = Тук обясняваме трудни думи.
glossary-term-link = Обяснение на „{ $term }“

statement-scope = Тази декларация се отнася до уебсайта „{ $site }“.
statement-commitment = { $organisation } се стреми да направи този уебсайт достъпен.
statement-status-heading = Статус на съответствие
statement-status =
    { $status ->
        [full] Този уебсайт е в пълно съответствие с { $standard }.
        [partial] Този уебсайт е в частично съответствие с { $standard }. Изключенията са изброени по-долу.
       *[none] Този уебсайт не е в съответствие с { $standard }.
    }
statement-status-missing = Статусът на съответствие все още не е оценен.
statement-non-accessible-heading = Съдържание, което не отговаря на изискванията за достъпност
statement-non-accessible-none = Не е известно съдържание, което не отговаря на изискванията за достъпност.
statement-non-accessible-pending = Кое съдържание не отговаря на изискванията за достъпност, ще бъде установено при оценката. Оценката все още предстои.
statement-reason = Причина
statement-alternative = Алтернатива
statement-preparation-heading = Изготвяне на настоящата декларация
statement-prepared = Дата на изготвяне на настоящата декларация: { $date }.
statement-reviewed = Дата на последния преглед: { $date }.
statement-dates-missing = Датата на изготвяне предстои да бъде добавена.
statement-review-overdue = Тази декларация не е преглеждана повече от година и може да не е актуална.
statement-method =
    { $method ->
        [self-assessment] Оценката се основава на самооценка.
        [third-party] Оценката се основава на проверка, извършена от трета страна.
       *[other] Начинът на оценяване предстои да бъде добавен.
    }
statement-tests-lint = При всяко изграждане на уебсайта генераторът проверява всяка страница по собствените си правила (брой правила: { $rules }; критерии за успех по WCAG: { $criteria }).
statement-tests-passed = Уебсайтът е преминал следните автоматични проверки:
statement-tests-axe = правилата на WCAG 2.0, 2.1 и 2.2 за нива A и AA и допълнителни проверки в браузъра (критерии за успех по WCAG: { $criteria }); всички страници (проверени страници: { $pages })
statement-tests-html = валиден HTML код; всички страници (проверени страници: { $pages })
statement-tests-matrix = Променени потребителски настройки и работа с клавиатура (критерии за успех по WCAG: { $criteria }); по една страница от всеки вид (проверени страници: { $pages })
statement-tests-limits = Автоматичните проверки откриват само част от бариерите. Те не заместват оценката на този уебсайт.
statement-feedback-heading = Обратна информация и данни за контакт
statement-feedback = Забелязали ли сте пречки при достъпа до съдържанието на този уебсайт? Тогава ни пишете:
statement-feedback-missing = Адресът за обратна информация относно достъпността предстои да бъде добавен.
statement-enforcement-heading = Помирителна процедура
statement-enforcement = Ако не получите задоволителен отговор на своето съобщение, можете да се обърнете към органа за помирение или към органа по прилагане:
statement-enforcement-missing = Данните за компетентния орган за помирение или орган по прилагане предстои да бъдат добавени.
statement-sign-language-missing = Видео на германски жестов език предстои да бъде добавено.

# Search ([search] in site.toml).
search-landmark = Търсене в сайта
search-input-label = Дума за търсене
search-submit = Търси
search-title = Търсене
search-variant-label = Версия
search-variant-all = Всички версии
search-count = Резултати: { $count }
search-empty = Моля, въведете дума за търсене.
search-searching = Търсене …
search-unavailable = Търсенето не е достъпно тук. Индексът за търсене се създава при изграждането на сайта; прегледът няма такъв. По-долу са всички страници на български език.
search-results-heading = Резултати
search-more = Покажи още резултати
search-index-heading = Всички страници на български език
search-index-note = Този списък показва всяка страница на сайта на български език.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = Целият документ като PDF
pdf-size = PDF, { $kilobytes } КБ

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = Надпис „{ $text }“
# Printed pages only: the text's language and date follow each label.
print-language = Език:
print-date = Към
