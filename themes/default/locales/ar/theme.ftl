# Interface strings of the default theme (Arabic).

site-title = Vielfalt
skip-to-content = الانتقال إلى المحتوى
language-nav-label = اللغة
main-nav-label = القائمة الرئيسية
all-languages = جميع اللغات
accessibility-statement = بيان إمكانية الوصول
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = بيان إمكانية الوصول
feed-link = الاشتراك في الأخبار عبر خلاصة الويب
feed-title = الأخبار – { $site }
published = نُشر في
updated = آخر تحديث في
entries-count =
    { $count ->
        [zero] لا توجد منشورات
        [one] منشور واحد
        [two] منشوران
        [few] { $count } منشورات
        [many] { $count } منشورًا
       *[other] { $count } منشور
    }
pagination-label = الصفحات
pagination-previous = الصفحة السابقة
pagination-next = الصفحة التالية
pagination-page = الصفحة { $number }
pagination-status = الصفحة { $number } من { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = هذه الصفحة غير متوفرة بعدُ باللغة العربية. تقرؤون هنا نسختها بهذه اللغة:
outdated-notice = تغيّر النص الأصلي لهذه الصفحة بعد إعداد هذه النسخة. وقد لا تكون هذه النسخة محدّثة.
outdated-link = قراءة النص الأصلي الحالي:
unreviewed-notice =
    { $method ->
        [machine] أُعدّت هذه الترجمة آليًا، ولم يراجعها بعدُ متحدثون أصليون بهذه اللغة.
       *[human] لم يراجع هذه الترجمة بعدُ متحدثون أصليون بهذه اللغة.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] كتب هذا النصَّ برنامجٌ حاسوبي. ولم يراجعه بعدُ أشخاص من الفئة المستهدفة.
       *[human] لم يراجع هذا النصَّ بعدُ أشخاص من الفئة المستهدفة.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] كتب هذا النصَّ برنامجٌ حاسوبي. ولم يراجعه بعدُ أشخاص من الفئة المستهدفة.
       *[human] لم يراجع هذا النصَّ بعدُ أشخاص من الفئة المستهدفة.
    }
unreviewed-link = قراءة النص الأصلي:
variant-easy = لغة سهلة
    .link = هذه الصفحة بلغة سهلة
variant-plain = لغة مبسطة
    .link = هذه الصفحة بلغة مبسطة
variant-original = هذه الصفحة باللغة المعيارية
variant-original-easy = هذه الصفحة باللغة المعيارية

chooser-title = اختيار اللغة
chooser-prompt = القراءة باللغة العربية
not-found-title = الصفحة غير موجودة
not-found-text = هذه الصفحة غير موجودة.
not-found-home = الانتقال إلى الصفحة الرئيسية باللغة العربية

glossary-intro-easy = هنا نشرح الكلمات الصعبة.
glossary-term-link = شرح { $term }

statement-scope = ينطبق هذا البيان على الموقع الإلكتروني «{ $site }».
statement-commitment = { $organisation } تسعى إلى جعل هذا الموقع الإلكتروني متاحًا دون عوائق.
statement-status-heading = مدى التوافق مع المتطلبات
statement-status =
    { $status ->
        [full] هذا الموقع الإلكتروني متوافق تمامًا مع { $standard }.
        [partial] هذا الموقع الإلكتروني متوافق جزئيًا مع { $standard }. وترد الاستثناءات أدناه.
       *[none] هذا الموقع الإلكتروني غير متوافق مع { $standard }.
    }
statement-status-missing = لم يُقيَّم مدى التوافق بعدُ.
statement-non-accessible-heading = محتوى غير متاح دون عوائق
statement-non-accessible-none = لا يُعرف أي محتوى غير متاح دون عوائق.
statement-non-accessible-pending = سيُحدَّد المحتوى غير المتاح دون عوائق من خلال التقييم. ولم يُجرَ التقييم بعدُ.
statement-reason = السبب
statement-alternative = البديل
statement-preparation-heading = إعداد هذا البيان
statement-prepared = أُعدّ هذا البيان بتاريخ { $date }.
statement-reviewed = وقد رُوجع آخر مرة بتاريخ { $date }.
statement-dates-missing = سيُضاف تاريخ الإعداد لاحقًا.
statement-review-overdue = لم تتم مراجعة هذا البيان منذ أكثر من عام، وقد لا يكون محدّثًا.
statement-method =
    { $method ->
        [self-assessment] يستند التقييم إلى تقييم ذاتي.
        [third-party] يستند التقييم إلى فحص أجراه طرف ثالث.
       *[other] ستُضاف طريقة التقييم لاحقًا.
    }
statement-tests-lint = في كل مرة يُنشأ فيها الموقع الإلكتروني، يفحص مولّد المواقع كل صفحة وفق قواعده الخاصة (عدد القواعد: { $rules }؛ معايير النجاح في WCAG: { $criteria }).
statement-tests-passed = اجتاز الموقع الإلكتروني الاختبارات الآلية التالية:
statement-tests-axe = قواعد WCAG 2.0 و2.1 و2.2 للمستويين A وAA، وفحوص إضافية في المتصفح (معايير النجاح في WCAG: { $criteria })؛ كل الصفحات (عدد الصفحات المفحوصة: { $pages })
statement-tests-html = صحة شيفرة HTML؛ كل الصفحات (عدد الصفحات المفحوصة: { $pages })
statement-tests-matrix = إعدادات مستخدم مُغيَّرة والاستخدام بلوحة المفاتيح (معايير النجاح في WCAG: { $criteria })؛ صفحة واحدة من كل نوع (عدد الصفحات المفحوصة: { $pages })
statement-tests-limits = لا تكشف الاختبارات الآلية إلا جزءًا من العوائق، ولا تُغني عن تقييم هذا الموقع الإلكتروني.
statement-feedback-heading = الملاحظات والتواصل
statement-feedback = هل لاحظتم عوائق تحول دون الوصول إلى محتوى هذا الموقع الإلكتروني؟ إذن اكتبوا إلينا:
statement-feedback-missing = سيُضاف لاحقًا عنوان التواصل الخاص بالملاحظات حول إمكانية الوصول.
statement-enforcement-heading = إجراءات التسوية
statement-enforcement = إذا لم تتلقوا ردًّا مُرضيًا على ملاحظاتكم، يمكنكم التوجه إلى هيئة التسوية أو هيئة الإنفاذ:
statement-enforcement-missing = ستُضاف لاحقًا بيانات هيئة التسوية أو هيئة الإنفاذ المختصة.
statement-sign-language-missing = سيُضاف لاحقًا مقطع فيديو بلغة الإشارة الألمانية.

# Search ([search] in site.toml).
search-landmark = البحث في هذا الموقع
search-input-label = كلمة البحث
search-submit = ابحث
search-title = البحث
search-variant-label = النسخة
search-variant-all = جميع النسخ
search-count = النتائج: { $count }
search-empty = يرجى إدخال كلمة للبحث.
search-searching = جارٍ البحث …
search-unavailable = البحث غير متاح هنا. يُنشأ فهرس البحث عند بناء الموقع، ولا يوجد فهرس في المعاينة. في الأسفل جميع الصفحات باللغة العربية.
search-results-heading = النتائج
search-more = عرض المزيد من النتائج
search-index-heading = جميع الصفحات باللغة العربية
search-index-note = تعرض هذه القائمة كل صفحة من صفحات هذا الموقع باللغة العربية.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = المستند كاملًا بصيغة PDF
pdf-size = PDF، { $kilobytes } كيلوبايت

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = عبارة «{ $text }»
# Printed pages only: the text's language and date follow each label.
print-language = اللغة:
print-date = التاريخ:
