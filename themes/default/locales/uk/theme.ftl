# Interface strings of the default theme (Ukrainian).

site-title = Vielfalt
skip-to-content = Перейти до вмісту
language-nav-label = Мова
main-nav-label = Головне меню
all-languages = Усі мови
accessibility-statement = Заява про доступність
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = Заява про доступність
feed-link = Підписатися на стрічку новин
feed-title = Новини — { $site }
published = Опубліковано
updated = оновлено
entries-count =
    { $count ->
        [one] { $count } публікація
        [few] { $count } публікації
        [many] { $count } публікацій
       *[other] { $count } публікації
    }
pagination-label = Сторінки
pagination-previous = Попередня сторінка
pagination-next = Наступна сторінка
pagination-page = Сторінка { $number }
pagination-status = Сторінка { $number } з { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = Цієї сторінки ще немає українською мовою. Тут ви читаєте її версію мовою:
outdated-notice = Оригінал цієї сторінки змінено після того, як було створено цю версію. Можливо, вона вже неактуальна.
outdated-link = Читати актуальний оригінал мовою:
unreviewed-notice =
    { $method ->
        [machine] Цей переклад виконано автоматично, і його ще не перевірили носії мови.
       *[human] Цей переклад ще не перевірили носії мови.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] Цей текст написала комп’ютерна програма. Люди з цільової групи його ще не перевірили.
       *[human] Люди з цільової групи ще не перевірили цей текст.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] Цей текст написала комп’ютерна програма. Люди з цільової групи його ще не перевірили.
       *[human] Люди з цільової групи ще не перевірили цей текст.
    }
unreviewed-link = Читати оригінал мовою:
variant-easy = Легка мова
    .link = Ця сторінка легкою мовою
variant-plain = Проста мова
    .link = Ця сторінка простою мовою
variant-original = Ця сторінка звичайною мовою
variant-original-easy = Ця сторінка звичайною мовою

chooser-title = Виберіть мову
chooser-prompt = Читати українською
not-found-title = Сторінку не знайдено
not-found-text = Такої сторінки не існує.
not-found-home = Перейти на головну сторінку українською

glossary-intro-easy = Тут ми пояснюємо складні слова.
glossary-term-link = Пояснення терміна «{ $term }»

statement-scope = Ця заява стосується сайту «{ $site }».
statement-commitment = { $organisation } прагне забезпечити доступність цього сайту.
statement-status-heading = Стан відповідності вимогам
statement-status =
    { $status ->
        [full] Цей сайт повністю відповідає вимогам { $standard }.
        [partial] Цей сайт частково відповідає вимогам { $standard }. Винятки наведено нижче.
       *[none] Цей сайт не відповідає вимогам { $standard }.
    }
statement-status-missing = Стан відповідності вимогам ще не оцінено.
statement-non-accessible-heading = Вміст, що не відповідає вимогам доступності
statement-non-accessible-none = Вмісту, що не відповідає вимогам доступності, не виявлено.
statement-non-accessible-pending = Який вміст не відповідає вимогам доступності, буде встановлено під час оцінювання. Оцінювання ще не проведено.
statement-reason = Причина
statement-alternative = Альтернатива
statement-preparation-heading = Підготовка цієї заяви
statement-prepared = Дата підготовки цієї заяви: { $date }.
statement-reviewed = Дата останньої перевірки: { $date }.
statement-dates-missing = Дату підготовки буде додано згодом.
statement-review-overdue = Цю заяву не перевіряли понад рік, тож вона може бути застарілою.
statement-method =
    { $method ->
        [self-assessment] Оцінювання ґрунтується на самооцінці.
        [third-party] Оцінювання ґрунтується на перевірці, проведеній третьою стороною.
       *[other] Спосіб оцінювання буде додано згодом.
    }
statement-tests-lint = Під час кожного збирання сайту генератор перевіряє кожну сторінку за власними правилами (кількість правил: { $rules }; критерії успішності WCAG: { $criteria }).
statement-tests-passed = Сайт пройшов такі автоматичні перевірки:
statement-tests-axe = правила WCAG 2.0, 2.1 і 2.2 рівнів A та AA і додаткові перевірки в браузері (критерії успішності WCAG: { $criteria }); усі сторінки (перевірено сторінок: { $pages })
statement-tests-html = коректність HTML; усі сторінки (перевірено сторінок: { $pages })
statement-tests-matrix = Змінені налаштування користувача та робота з клавіатури (критерії успішності WCAG: { $criteria }); по одній сторінці кожного виду (перевірено сторінок: { $pages })
statement-tests-limits = Автоматичні перевірки знаходять лише частину бар’єрів. Вони не замінюють оцінювання цього сайту.
statement-feedback-heading = Зворотний зв’язок і контакти
statement-feedback = Ви помітили недоліки, які заважають доступу до вмісту цього сайту? Тоді напишіть нам:
statement-feedback-missing = Контактну адресу для відгуків щодо доступності буде додано згодом.
statement-enforcement-heading = Процедура врегулювання спорів
statement-enforcement = Якщо ви не отримали задовільної відповіді на своє звернення, ви можете звернутися до органу з урегулювання спорів або до наглядового органу:
statement-enforcement-missing = Відомості про відповідальний орган з урегулювання спорів або наглядовий орган буде додано згодом.
statement-sign-language-missing = Відео німецькою жестовою мовою буде додано згодом.

# Search ([search] in site.toml).
search-landmark = Пошук на сайті
search-input-label = Пошуковий запит
search-submit = Знайти
search-title = Пошук
search-variant-label = Версія
search-variant-all = Усі версії
search-count = Результати: { $count }
search-empty = Введіть пошуковий запит.
search-searching = Триває пошук …
search-unavailable = Пошук тут недоступний. Пошуковий індекс створюється під час збирання сайту, у попередньому перегляді його немає. Нижче — усі сторінки українською мовою.
search-results-heading = Результати
search-more = Показати більше результатів
search-index-heading = Усі сторінки українською мовою
search-index-note = У цьому списку — кожна сторінка сайту українською мовою.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = Увесь документ у форматі PDF
pdf-size = PDF, { $kilobytes } КБ

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = Напис «{ $text }»
# Printed pages only: the text's language and date follow each label.
print-language = Мова:
print-date = Станом на
