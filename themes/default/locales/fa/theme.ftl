# Interface strings of the default theme (Persian).

site-title = Vielfalt
skip-to-content = رفتن به محتوا
language-nav-label = زبان
main-nav-label = منوی اصلی
all-languages = همهٔ زبان‌ها
accessibility-statement = بیانیهٔ دسترس‌پذیری
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = بیانیهٔ دسترس‌پذیری
feed-link = اشتراک در خوراک اخبار
feed-title = اخبار – { $site }
published = منتشرشده در
updated = به‌روزشده در
entries-count =
    { $count ->
        [one] { $count } مطلب
       *[other] { $count } مطلب
    }
pagination-label = صفحه‌ها
pagination-previous = صفحهٔ قبلی
pagination-next = صفحهٔ بعدی
pagination-page = صفحهٔ { $number }
pagination-status = صفحهٔ { $number } از { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = این صفحه هنوز به زبان فارسی در دسترس نیست. شما در اینجا نسخهٔ آن را به این زبان می‌خوانید:
outdated-notice = متن اصلی این صفحه پس از تهیهٔ این نسخه تغییر کرده است. ممکن است این نسخه دیگر به‌روز نباشد.
outdated-link = خواندن متن اصلی کنونی:
unreviewed-notice =
    { $method ->
        [machine] این ترجمه به‌صورت ماشینی تهیه شده و هنوز گویشوران بومی آن را بررسی نکرده‌اند.
       *[human] این ترجمه را هنوز گویشوران بومی بررسی نکرده‌اند.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] این متن را یک برنامهٔ رایانه‌ای نوشته است. افراد گروه هدف هنوز آن را بررسی نکرده‌اند.
       *[human] افراد گروه هدف هنوز این متن را بررسی نکرده‌اند.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] این متن را یک برنامهٔ رایانه‌ای نوشته است. افراد گروه هدف هنوز آن را بررسی نکرده‌اند.
       *[human] افراد گروه هدف هنوز این متن را بررسی نکرده‌اند.
    }
unreviewed-link = خواندن متن اصلی:
variant-easy = زبان آسان
    .link = این صفحه به زبان آسان
variant-plain = زبان ساده
    .link = این صفحه به زبان ساده
variant-original = این صفحه به زبان معیار
variant-original-easy = این صفحه به زبان معیار

chooser-title = انتخاب زبان
chooser-prompt = خواندن به فارسی
not-found-title = صفحه پیدا نشد
not-found-text = این صفحه وجود ندارد.
not-found-home = رفتن به صفحهٔ نخست به زبان فارسی

glossary-intro-easy = در اینجا واژه‌های دشوار را توضیح می‌دهیم.
glossary-term-link = توضیح { $term }

statement-scope = این بیانیه دربارهٔ وب‌سایت «{ $site }» است.
statement-commitment = { $organisation } می‌کوشد این وب‌سایت را بدون مانع در دسترس قرار دهد.
statement-status-heading = وضعیت انطباق با الزامات
statement-status =
    { $status ->
        [full] این وب‌سایت به‌طور کامل با { $standard } منطبق است.
        [partial] این وب‌سایت به‌طور جزئی با { $standard } منطبق است. موارد استثنا در پایین آمده‌اند.
       *[none] این وب‌سایت با { $standard } منطبق نیست.
    }
statement-status-missing = وضعیت انطباق هنوز ارزیابی نشده است.
statement-non-accessible-heading = محتوای فاقد دسترس‌پذیری
statement-non-accessible-none = هیچ محتوای فاقد دسترس‌پذیری شناخته نشده است.
statement-non-accessible-pending = محتوای فاقد دسترس‌پذیری در ارزیابی مشخص خواهد شد. ارزیابی هنوز انجام نشده است.
statement-reason = دلیل
statement-alternative = جایگزین
statement-preparation-heading = تهیهٔ این بیانیه
statement-prepared = این بیانیه در تاریخ { $date } تهیه شده است.
statement-reviewed = آخرین بازبینی آن در تاریخ { $date } انجام شده است.
statement-dates-missing = تاریخ تهیه بعداً افزوده خواهد شد.
statement-review-overdue = این بیانیه بیش از یک سال است که بازبینی نشده و ممکن است به‌روز نباشد.
statement-method =
    { $method ->
        [self-assessment] ارزیابی بر پایهٔ خودارزیابی انجام شده است.
        [third-party] ارزیابی بر پایهٔ بررسی یک شخص ثالث انجام شده است.
       *[other] روش ارزیابی بعداً افزوده خواهد شد.
    }
statement-tests-lint = هر بار که وب‌سایت ساخته می‌شود، سازندهٔ سایت هر صفحه را با قواعد خودش بررسی می‌کند (تعداد قواعد: { $rules }؛ معیارهای موفقیت WCAG: { $criteria }).
statement-tests-passed = این وب‌سایت آزمون‌های خودکار زیر را با موفقیت گذرانده است:
statement-tests-axe = قواعد WCAG 2.0، 2.1 و 2.2 در سطح‌های A و AA و بررسی‌های دیگر در مرورگر (معیارهای موفقیت WCAG: { $criteria })؛ همهٔ صفحه‌ها (تعداد صفحه‌های بررسی‌شده: { $pages })
statement-tests-html = درستی HTML؛ همهٔ صفحه‌ها (تعداد صفحه‌های بررسی‌شده: { $pages })
statement-tests-matrix = تنظیمات تغییریافتهٔ کاربر و کار با صفحه‌کلید (معیارهای موفقیت WCAG: { $criteria })؛ از هر نوع یک صفحه (تعداد صفحه‌های بررسی‌شده: { $pages })
statement-tests-limits = آزمون‌های خودکار تنها بخشی از موانع را پیدا می‌کنند و جای ارزیابی این وب‌سایت را نمی‌گیرند.
statement-feedback-heading = بازخورد و تماس
statement-feedback = آیا در دسترسی بدون مانع به محتوای این وب‌سایت به کاستی‌هایی برخورده‌اید؟ در این صورت برای ما بنویسید:
statement-feedback-missing = نشانی تماس برای بازخورد دربارهٔ دسترس‌پذیری بعداً افزوده خواهد شد.
statement-enforcement-heading = روند میانجی‌گری
statement-enforcement = اگر به بازخورد خود پاسخ رضایت‌بخشی دریافت نکردید، می‌توانید به نهاد میانجی‌گری یا نهاد نظارت بر اجرا مراجعه کنید:
statement-enforcement-missing = اطلاعات مربوط به نهاد میانجی‌گری یا نهاد نظارت بر اجرای ذی‌صلاح بعداً افزوده خواهد شد.
statement-sign-language-missing = ویدیویی به زبان اشارهٔ آلمانی بعداً افزوده خواهد شد.

# Search ([search] in site.toml).
search-landmark = جستجو در این وب‌سایت
search-input-label = عبارت جستجو
search-submit = جستجو کن
search-title = جستجو
search-variant-label = نسخه
search-variant-all = همهٔ نسخه‌ها
search-count = نتایج: { $count }
search-empty = لطفاً یک عبارت برای جستجو وارد کنید.
search-searching = در حال جستجو …
search-unavailable = جستجو در اینجا در دسترس نیست. نمایهٔ جستجو هنگام ساختن وب‌سایت ساخته می‌شود و پیش‌نمایش آن را ندارد. در پایین همهٔ صفحه‌ها به زبان فارسی آمده است.
search-results-heading = نتایج
search-more = نمایش نتایج بیشتر
search-index-heading = همهٔ صفحه‌ها به زبان فارسی
search-index-note = این فهرست همهٔ صفحه‌های این وب‌سایت را به زبان فارسی نشان می‌دهد.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = کل سند به صورت PDF
pdf-size = PDF، { $kilobytes } کیلوبایت

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = نوشته «{ $text }»
# Printed pages only: the text's language and date follow each label.
print-language = زبان:
print-date = تاریخ:
