# Interface strings of the default theme (Russian).

site-title = Vielfalt
skip-to-content = Перейти к содержанию
language-nav-label = Язык
main-nav-label = Главное меню
all-languages = Все языки
accessibility-statement = Заявление о доступности
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = Заявление о доступности
feed-link = Подписаться на ленту новостей
feed-title = Новости — { $site }
published = Опубликовано
updated = обновлено
entries-count =
    { $count ->
        [one] { $count } публикация
        [few] { $count } публикации
        [many] { $count } публикаций
       *[other] { $count } публикации
    }
pagination-label = Страницы
pagination-previous = Предыдущая страница
pagination-next = Следующая страница
pagination-page = Страница { $number }
pagination-status = Страница { $number } из { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = Этой страницы пока нет на русском языке. Здесь вы читаете её версию на языке:
outdated-notice = Оригинал этой страницы был изменён после того, как была подготовлена эта версия. Возможно, она уже неактуальна.
outdated-link = Читать актуальный оригинал на языке:
unreviewed-notice =
    { $method ->
        [machine] Этот перевод выполнен автоматически и ещё не проверен носителями языка.
       *[human] Этот перевод ещё не проверен носителями языка.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] Этот текст написала компьютерная программа. Люди из целевой группы его ещё не проверили.
       *[human] Люди из целевой группы ещё не проверили этот текст.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] Этот текст написала компьютерная программа. Люди из целевой группы его ещё не проверили.
       *[human] Люди из целевой группы ещё не проверили этот текст.
    }
unreviewed-link = Читать оригинал на языке:
variant-easy = Лёгкий язык
    .link = Эта страница на лёгком языке
variant-plain = Простой язык
    .link = Эта страница на простом языке
variant-original = Эта страница на обычном языке
variant-original-easy = Эта страница на обычном языке

chooser-title = Выберите язык
chooser-prompt = Читать на русском
not-found-title = Страница не найдена
not-found-text = Такой страницы не существует.
not-found-home = Перейти на главную страницу на русском языке

glossary-intro-easy = Здесь мы объясняем трудные слова.
glossary-term-link = Объяснение термина «{ $term }»

statement-scope = Настоящее заявление относится к сайту «{ $site }».
statement-commitment = { $organisation } стремится обеспечить доступность этого сайта.
statement-status-heading = Степень соответствия требованиям
statement-status =
    { $status ->
        [full] Этот сайт полностью соответствует требованиям { $standard }.
        [partial] Этот сайт частично соответствует требованиям { $standard }. Исключения перечислены ниже.
       *[none] Этот сайт не соответствует требованиям { $standard }.
    }
statement-status-missing = Степень соответствия требованиям ещё не оценена.
statement-non-accessible-heading = Контент, не соответствующий требованиям доступности
statement-non-accessible-none = Контент, не соответствующий требованиям доступности, не выявлен.
statement-non-accessible-pending = Какой контент не соответствует требованиям доступности, будет установлено в ходе оценки. Оценка ещё не проведена.
statement-reason = Причина
statement-alternative = Альтернатива
statement-preparation-heading = Подготовка настоящего заявления
statement-prepared = Дата подготовки настоящего заявления: { $date }.
statement-reviewed = Дата последней проверки: { $date }.
statement-dates-missing = Дата подготовки будет указана позже.
statement-review-overdue = Это заявление не проверялось более года и может быть устаревшим.
statement-method =
    { $method ->
        [self-assessment] Оценка основана на самооценке.
        [third-party] Оценка основана на проверке, проведённой третьей стороной.
       *[other] Способ оценки будет указан позже.
    }
statement-tests-lint = При каждой сборке сайта генератор проверяет каждую страницу по своим правилам (число правил: { $rules }; критерии успеха WCAG: { $criteria }).
statement-tests-passed = Сайт прошёл следующие автоматические проверки:
statement-tests-axe = правила WCAG 2.0, 2.1 и 2.2 уровней A и AA и дополнительные проверки в браузере (критерии успеха WCAG: { $criteria }); все страницы (проверено страниц: { $pages })
statement-tests-html = корректность HTML; все страницы (проверено страниц: { $pages })
statement-tests-matrix = Изменённые пользовательские настройки и работа с клавиатуры (критерии успеха WCAG: { $criteria }); по одной странице каждого вида (проверено страниц: { $pages })
statement-tests-limits = Автоматические проверки находят лишь часть барьеров. Они не заменяют оценку этого сайта.
statement-feedback-heading = Обратная связь и контакты
statement-feedback = Вы заметили недостатки, которые мешают доступу к содержанию этого сайта? Тогда напишите нам:
statement-feedback-missing = Контактный адрес для обратной связи по вопросам доступности будет указан позже.
statement-enforcement-heading = Процедура урегулирования споров
statement-enforcement = Если вы не получили удовлетворительного ответа на своё обращение, вы можете обратиться в орган по урегулированию споров или в надзорный орган:
statement-enforcement-missing = Сведения о компетентном органе по урегулированию споров или надзорном органе будут указаны позже.
statement-sign-language-missing = Видео на немецком жестовом языке будет добавлено позже.

# Search ([search] in site.toml).
search-landmark = Поиск по сайту
search-input-label = Поисковый запрос
search-submit = Найти
search-title = Поиск
search-variant-label = Версия
search-variant-all = Все версии
search-count = Результаты: { $count }
search-empty = Введите поисковый запрос.
search-searching = Идёт поиск …
search-unavailable = Поиск здесь недоступен. Поисковый индекс создаётся при сборке сайта, в предварительном просмотре его нет. Ниже — все страницы на русском языке.
search-results-heading = Результаты
search-more = Показать ещё результаты
search-index-heading = Все страницы на русском языке
search-index-note = В этом списке — каждая страница сайта на русском языке.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = Весь документ в формате PDF
pdf-size = PDF, { $kilobytes } КБ

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = Надпись «{ $text }»
# Printed pages only: the text's language and date follow each label.
print-language = Язык:
print-date = По состоянию на
