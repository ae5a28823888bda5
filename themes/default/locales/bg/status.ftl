# The staff's translation status report (Bulgarian); see en/status.ftl.

status-title = Състояние на преводите – { $site }
status-skip = Към отчета
status-views = Изгледи
status-view-languages = Напредък по езици
status-view-matrix = Всички страници по страници
status-view-by-state = Задачи по спешност
status-view-by-language = Задачи по езици
status-states = Състояния:
status-state-original = оригинал
status-state-current = актуален
status-state-unreviewed = непроверен
status-state-unstamped = без отметка
status-state-outdated = остарял
status-state-missing = липсва
status-column-language = Език
status-column-page = Страница
status-column-variant = Вариант
status-column-state = Състояние
status-column-task = Какво да се направи
status-column-progress = Напредък
status-languages-caption = Страници по езици и състояние (в реда на езиците в site.toml)
status-progress = { $current } от { $total } актуални ({ $percent } %)
status-progress-label = { $language }: актуални страници
status-matrix-caption = Всяка страница и вариант (редове, в реда на сайта) на всеки език (колони)
status-by-state-caption =
    { $count ->
        [one] Една задача, подредена по състояние (липсва, остарял, без отметка, непроверен), после по език и файл
       *[other] { $count } задачи, подредени по състояние (липсва, остарял, без отметка, непроверен), после по език и файл
    }
status-by-language-caption =
    { $count ->
        [one] Една задача, подредена по език, после по състояние и файл
       *[other] { $count } задачи, подредени по език, после по състояние и файл
    }
status-nothing-to-do = Няма какво да се прави: всички преводи са актуални и проверени.
status-task-outdated = Актуализирайте { $file } според текущата версия на { $original }, след това изпълнете:
status-task-unstamped = Сравнете { $file } с { $original }; ако съвпадат, изпълнете:
status-task-unreviewed = Помолете носител на езика да провери { $file }, след това задайте `reviewed = true` в заглавната му част (front matter).
status-task-missing = Преведете { $original } във файла { $file }, след това изпълнете:
status-task-missing-new = Напишете { $file }.
